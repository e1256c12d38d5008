package jp.tsunagu.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.ValidationMessage;

import jp.tsunagu.events.audit.ActorRole;
import jp.tsunagu.events.audit.AuditAction;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.events.audit.AuditSource;

/**
 * A user id in an event is a Keycloak user id, a UUID in lower case: the schemas refuse anything
 * else, markup included. The audit enums map one to one onto the names the services use.
 */
class UserIdsAndAuditCodesTest {

    private static final List<String> NOT_USER_IDS = List.of("<script>alert(1)</script>", "tokyo-supporter-1",
            "8D2F4C1E-7B3A-4E6D-9F0C-5A1B2C3D4E5F", "8d2f4c1e-7b3a-4e6d-9f0c-5a1b2c3d4e5f ", "");

    @Test
    void teamMembersAndVisitorsAreUuids() {
        assertRefused(EventType.CASE_TEAM_CHANGED, "members");
        assertRefused(EventType.VISIT_RECORDED, "visitors");
        assertRefused(EventType.VISIT_SCHEDULED, "visitors");
    }

    private static void assertRefused(EventType type, String array) {
        JsonNode userId = Contracts.schemaNode(type).at("/properties/" + array + "/items/properties/userId");
        assertThat(userId.path("format").asText()).as(type.type()).isEqualTo("uuid");
        for (String bad : NOT_USER_IDS) {
            ObjectNode document = (ObjectNode) Contracts.toJson(EventSamples.sample(type));
            ((ObjectNode) document.get(array).get(0)).set("userId", TextNode.valueOf(bad));
            Set<ValidationMessage> messages = Contracts.validate(type, document);
            assertThat(messages).as("%s with userId %s", type.type(), bad).isNotEmpty();
        }
        assertThat(Contracts.validate(type, Contracts.toJson(EventSamples.sample(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AuditAction.class)
    void auditActionsRoundTripTheirCodes(AuditAction action) {
        assertThat(action.code()).matches("[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+");
        assertThat(AuditAction.ofCode(action.code())).contains(action);
    }

    @Test
    void everyNameMapsBackAndUnknownOnesAreEmpty() {
        Arrays.stream(AuditObjectType.values()).forEach(t -> assertThat(AuditObjectType.ofCode(t.code())).contains(t));
        Arrays.stream(AuditSource.values()).forEach(s -> assertThat(AuditSource.ofServiceName(s.serviceName())).contains(s));
        Arrays.stream(ActorRole.values()).forEach(r -> assertThat(ActorRole.ofRoleName(r.roleName())).contains(r));
        assertThat(AuditAction.ofCode("visit.READ")).isEmpty();
        assertThat(ActorRole.ofRoleName("offline_access")).isEmpty();
        assertThat(AuditSource.ofServiceName("case")).isEmpty();
        assertThat(AuditObjectType.ofCode("VISIT")).isEmpty();
    }
}
