package jp.tsunagu.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;

import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.events.audit.AuditRecordedOnCases;
import jp.tsunagu.events.referrals.InboundReferralReceived;

class EventTypeTest {

    /** The types of api.md, "Events on Kafka", in its order, and the shared audit entries (v1 read, v2 written). */
    private static final List<String> API_TYPES = List.of(
            "case.opened.v1", "case.updated.v1", "case.phase-changed.v1", "case.team-changed.v1",
            "case.assessment-recorded.v1", "case.crisis-reported.v1", "case.home-visits-ended.v1",
            "case.closed.v1", "case.reopened.v1", "case.consultation-recorded.v1", "case.conference-held.v1",
            "visit.recorded.v1", "visit.scheduled.v1",
            "visit.overdue.v1", "referral.requested.v1", "referral.status-changed.v1",
            "referral.overdue.v1", "referral.inbound-received.v1", "consent.withdrawn.v1", "audit.recorded.v1",
            "audit.recorded.v2");

    @Test
    void theTypesAreExactlyThoseOfTheApi() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::type)).containsExactlyElementsOf(API_TYPES);
    }

    @Test
    void topicsHaveTheirBrokerNames() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::topicName))
                .containsExactly("case-events", "visit-events", "referral-events", "audit-events");
        for (Topic topic : Topic.values()) {
            assertThat(Topic.fromTopicName(topic.topicName())).contains(topic);
        }
        assertThat(Topic.fromTopicName("CASE_EVENTS")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeAndClassRoundTrip(EventType type) {
        assertThat(EventType.fromType(type.type())).contains(type);
        assertThat(EventType.of(type.dataClass())).contains(type);
    }

    @Test
    void unknownTypesAreEmpty() {
        assertThat(EventType.fromType("case.opened.v2")).isEmpty();
        assertThat(EventType.fromType("CASE_OPENED")).isEmpty();
        assertThat(EventType.fromType(null)).isEmpty();
        assertThat(EventType.of(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void topicFollowsTheTypePrefix(EventType type) {
        String prefix = type.type().substring(0, type.type().indexOf('.'));
        // a consent is referral-service's: its events go with the referrals resting on it
        String owner = prefix.equals("consent") ? "referral" : prefix;
        assertThat(type.topic().topicName()).isEqualTo(owner + "-events");
        assertThat(type.type()).matches("(case|visit|referral|consent|audit)\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void dataClassIsAnEventRecordInTheTopicsPackage(EventType type) {
        Class<? extends EventData> data = type.dataClass();
        assertThat(data.isRecord()).as("%s is a record", data).isTrue();
        assertThat(EventData.class).isAssignableFrom(data);
        String expectedPackage = switch (type.topic()) {
            case CASE_EVENTS -> "jp.tsunagu.events.cases";
            case VISIT_EVENTS -> "jp.tsunagu.events.visits";
            case REFERRAL_EVENTS -> "jp.tsunagu.events.referrals";
            case AUDIT_EVENTS -> "jp.tsunagu.events.audit";
        };
        assertThat(data.getPackageName()).isEqualTo(expectedPackage);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaResourceExistsWithItsIdAndTexts(EventType type) {
        assertThat(type.schemaResource()).isEqualTo("/jp/tsunagu/events/schemas/" + type.type() + ".json");
        JsonNode schema = Contracts.schemaNode(type);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(type.schemaId().toString())
                .isEqualTo("https://tsunagu.jp/schemas/events/" + type.type() + ".json");
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank().contains(type.type());
        assertThat(schema.path("type").asText()).isEqualTo("object");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsValidAgainstTheDraft202012MetaSchema(EventType type) {
        JsonSchema meta = Contracts.FACTORY.getSchema(
                SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), Contracts.CONFIG);
        Set<ValidationMessage> messages = meta.validate(Contracts.schemaNode(type));
        assertThat(messages).isEmpty();
    }

    @Test
    void everyEventRecordAppearsInExactlyOneType() throws IOException, URISyntaxException {
        List<Class<?>> implementations = allClasses().stream()
                .filter(c -> EventData.class.isAssignableFrom(c) && !c.isInterface())
                .toList();
        assertThat(implementations).hasSize(EventType.values().length);
        for (Class<?> implementation : implementations) {
            assertThat(implementation.isRecord()).as("%s is a record", implementation).isTrue();
            assertThat(Arrays.stream(EventType.values()).filter(t -> t.dataClass() == implementation))
                    .as("event types of %s", implementation).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void partitionKeyIsTheCaseIdExceptForAnInboundReferralAndAnAuditEntryOfCases(EventType type) {
        EventData sample = EventSamples.sample(type);
        if (sample instanceof InboundReferralReceived inbound) {
            assertThat(inbound.partitionKey()).isEqualTo(inbound.referralId()).isNotEqualTo(inbound.caseId());
            assertThat(Contracts.with(inbound, "caseId", null).partitionKey()).isEqualTo(inbound.referralId());
        } else if (sample instanceof AuditRecordedOnCases onCases) {
            assertThat(onCases.caseIds()).hasSizeGreaterThan(1);
            assertThat(onCases.partitionKey()).isEqualTo(onCases.caseIds().get(0));
            assertThat(onCases.caseId()).isNull();
        } else {
            assertThat(sample.partitionKey()).isNotNull().isEqualTo(sample.caseId());
        }
    }

    @Test
    void onlyTheFirstAuditVersionIsNoLongerWritten() {
        assertThat(Arrays.stream(EventType.values()).filter(t -> !t.written())).containsExactly(EventType.AUDIT_RECORDED);
    }

    @Test
    void anAuditEntryOfCasesNamesEachCaseOnceAndReadsAFirstVersionEntryAsItsOneCase() {
        AuditRecordedOnCases sample = (AuditRecordedOnCases) EventSamples.sample(EventType.AUDIT_RECORDED_ON_CASES);
        assertThatThrownBy(() -> Contracts.with(sample, "caseIds", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Contracts.with(sample, "caseIds", List.of(EventSamples.CASE_ID, EventSamples.CASE_ID)))
                .isInstanceOf(IllegalArgumentException.class);

        AuditRecorded v1 = (AuditRecorded) EventSamples.sample(EventType.AUDIT_RECORDED);
        AuditRecordedOnCases read = AuditRecordedOnCases.of(v1);
        assertThat(read.caseIds()).containsExactly(v1.caseId());
        assertThat(read).usingRecursiveComparison().ignoringFields("caseIds").isEqualTo(v1);
    }

    /** Every class compiled from src/main/java of this module. */
    static List<Class<?>> allClasses() throws IOException, URISyntaxException {
        Path root = Path.of(EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(root).as("the main classes are a directory in this build").isDirectory();
        try (Stream<Path> files = Files.walk(root.resolve("jp/tsunagu/events"))) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(name -> !name.endsWith("package-info"))
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name);
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }
}
