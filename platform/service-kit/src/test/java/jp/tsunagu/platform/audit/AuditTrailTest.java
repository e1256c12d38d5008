package jp.tsunagu.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.probe.ProbeService;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    @Inject
    ProbeService probes;

    private List<AuditEntry> entriesFor(UUID id) {
        return AuditEntries.where(em, "objectId", id.toString());
    }

    @Test
    void createsAndReadsLeaveEntriesWithWhoWhatWhenAndWhere() {
        TestTokens.Builder user = TestTokens.user("auditor-test").roles("supporter").center("tokyo");
        UUID id = UUID.randomUUID();
        given().auth().oauth2(user.token()).header("X-Request-Id", "audit-create").contentType("application/json")
                .body(Map.of("id", id.toString(), "name", "監査", "channel", "PHONE"))
                .when().post("/test/probes").then().statusCode(201);
        given().auth().oauth2(user.token()).header("X-Request-Id", "audit-read")
                .when().get("/test/probes/" + id).then().statusCode(200);

        List<AuditEntry> entries = entriesFor(id);
        assertThat(entries).extracting(e -> e.action).containsExactly("probe.create", "probe.read");
        AuditEntry read = entries.get(1);
        assertThat(read.actorId).isEqualTo(user.subject());
        assertThat(read.actorRoles).isEqualTo("supporter");
        assertThat(read.centerId).isEqualTo("tokyo");
        assertThat(read.objectType).isEqualTo("probe");
        assertThat(read.outcome).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(read.requestId).isEqualTo("audit-read");
        assertThat(read.remoteAddress).isEqualTo("127.0.0.1");
        assertThat(read.occurredAt).isNotNull();
    }

    @Test
    void aRefusedReadIsRecordedAsDenied() {
        UUID missing = UUID.randomUUID();
        given().auth().oauth2(TestTokens.supporter("osaka")).when().get("/test/probes/" + missing).then().statusCode(404);
        assertThat(entriesFor(missing)).singleElement()
                .satisfies(e -> assertThat(e.outcome).isEqualTo(AuditOutcome.DENIED))
                .satisfies(e -> assertThat(e.centerId).isEqualTo("osaka"));
    }

    @Test
    void aFailedWriteLeavesNoSuccessEntry() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(TestTokens.supporter("tokyo")).contentType("application/json")
                .body(Map.of("id", id.toString(), "name", "x", "channel", "PHONE", "failAfterEvent", true))
                .when().post("/test/probes").then().statusCode(500);
        assertThat(entriesFor(id)).isEmpty();
    }

    @Test
    void aCommitThatFailsLeavesNoSuccessEntry() {
        UUID id = UUID.randomUUID();
        String name = "no-commit-" + id.toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into probe_commit_failure (name) values (:n)")
                .setParameter("n", name).executeUpdate());
        given().auth().oauth2(TestTokens.supporter("tokyo")).contentType("application/json")
                .body(Map.of("id", id.toString(), "name", name, "channel", "PHONE"))
                .when().post("/test/probes").then().statusCode(500);
        assertThat(entriesFor(id)).isEmpty();
    }

    @Test
    void aLookupInsideAnAuditedActLeavesNoEntryOfItsOwn() {
        String token = TestTokens.supporter("tokyo");
        UUID id = UUID.randomUUID();
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("id", id.toString(), "name", "改名前", "channel", "PHONE"))
                .when().post("/test/probes").then().statusCode(201);
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("name", "改名後")).when().put("/test/probes/" + id).then().statusCode(200)
                .header("ETag", "\"1\"");
        assertThat(entriesFor(id)).extracting(e -> e.action).containsExactly("probe.create", "probe.update");
    }

    @Test
    void anAuditedActOutsideATransactionRefusesToRun() {
        assertThatThrownBy(() -> probes.untransacted())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(TestTokens.supporter("tokyo")).when().get("/test/probes/" + id).then().statusCode(404);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update audit_entry set actor_id = 'someone' where object_id = :id")
                .setParameter("id", id.toString()).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from audit_entry where object_id = :id")
                .setParameter("id", id.toString()).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThat(entriesFor(id)).hasSize(1);
    }
}
