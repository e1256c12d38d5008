package jp.tsunagu.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;

import jp.tsunagu.events.cases.CaseAccessScope;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;

/**
 * The answers between services are held to the events' rules: the schema says exactly what the
 * record holds, refuses anything else, and carries no personal data nor free text.
 */
class ServiceAnswerTest {

    static Record sample(ServiceAnswer answer) {
        return switch (answer) {
            case CASE_ACCESS_SCOPE -> new CaseAccessScope(EventSamples.CASE_ID, EventSamples.CENTER, Phase.OUTREACH,
                    CaseStatus.OPEN, List.of(
                    new TeamMember(TeamMemberKind.STAFF, EventSamples.SUPPORTER, null, TeamRole.PRIMARY),
                    new TeamMember(TeamMemberKind.PEER_SUPPORTER, EventSamples.PEER, null, TeamRole.PEER),
                    new TeamMember(TeamMemberKind.AGENCY_CONTACT, null, EventSamples.AGENCY, TeamRole.BACKUP_AGENCY)));
        };
    }

    private static JsonNode schema(ServiceAnswer answer) {
        return Contracts.readResource(answer.schemaResource());
    }

    private static Set<ValidationMessage> validate(ServiceAnswer answer, JsonNode document) {
        return Contracts.FACTORY.getSchema(schema(answer), Contracts.CONFIG).validate(document);
    }

    @ParameterizedTest
    @EnumSource(ServiceAnswer.class)
    void schemaIsAValidDraft202012SchemaWithItsId(ServiceAnswer answer) {
        JsonSchema meta = Contracts.FACTORY.getSchema(
                SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), Contracts.CONFIG);
        assertThat(meta.validate(schema(answer))).isEmpty();
        assertThat(schema(answer).path("$id").asText()).isEqualTo(answer.schemaId().toString())
                .isEqualTo("https://tsunagu.jp/schemas/answers/" + answer.contractName() + ".json");
        assertThat(schema(answer).path("description").asText()).contains(answer.contractName());
        assertThat(sample(answer).getClass()).isEqualTo(answer.answerClass());
    }

    @ParameterizedTest
    @EnumSource(ServiceAnswer.class)
    void schemaMatchesTheRecord(ServiceAnswer answer) {
        List<String> problems = new ArrayList<>();
        SchemaMatchesRecordsTest.compare(sample(answer), schema(answer), answer.contractName(), problems);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ServiceAnswer.class)
    void schemaCarriesNoPersonalDataNorFreeText(ServiceAnswer answer) {
        assertThat(SchemaPrivacyTest.violations(schema(answer))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ServiceAnswer.class)
    void sampleIsValidAndReadsBackIntoAnEqualRecord(ServiceAnswer answer) throws Exception {
        Record sample = sample(answer);
        JsonNode document = Contracts.toJson(sample);
        assertThat(validate(answer, document)).as("%s", document).isEmpty();
        assertThat(Contracts.MAPPER.treeToValue(document, answer.answerClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(ServiceAnswer.class)
    void everyRequiredPropertyIsNeededAndTheRecordRefusesItsAbsence(ServiceAnswer answer) {
        JsonNode document = Contracts.toJson(sample(answer));
        JsonNode required = schema(answer).path("required");
        assertThat(required).isNotEmpty();
        for (JsonNode name : required) {
            ObjectNode without = document.deepCopy();
            without.remove(name.asText());
            assertThat(validate(answer, without)).as("without %s", name)
                    .extracting(ValidationMessage::getType).contains("required");
            assertThatThrownBy(() -> Contracts.with(sample(answer), name.asText(), null))
                    .isInstanceOf(NullPointerException.class).hasMessage(name.asText());
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceAnswer.class)
    void strictSchemaRefusesEveryKindOfChange(ServiceAnswer answer) {
        JsonNode document = Contracts.toJson(sample(answer));
        List<EventSchemaValidationTest.Mutation> mutations = new ArrayList<>();
        EventSchemaValidationTest.collect(schema(answer), document, JsonPointer.empty(), document, mutations);
        assertThat(mutations).extracting(EventSchemaValidationTest.Mutation::keyword)
                .contains("additionalProperties", "format", "pattern", "enum");
        for (EventSchemaValidationTest.Mutation mutation : mutations) {
            assertThat(validate(answer, mutation.document())).as(mutation.what())
                    .extracting(ValidationMessage::getType).contains(mutation.keyword());
        }
    }
}
