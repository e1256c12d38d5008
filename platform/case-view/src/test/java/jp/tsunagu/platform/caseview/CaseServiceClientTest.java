package jp.tsunagu.platform.caseview;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import jp.tsunagu.events.cases.CaseAccessScope;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.testkit.CaseServiceStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST client to case-service over real HTTP (case-service and Keycloak's token endpoint
 * played by {@link CaseServiceStub}, whose bodies are made from the contract's record): the
 * answer, a 404 as an answer, and each way of failing as a 503 to retry.
 */
@QuarkusTest
class CaseServiceClientTest {

    @Inject
    CaseServiceClient client;

    @Inject
    CircuitBreakerMaintenance circuits;

    @AfterEach
    void closeTheCircuit() {
        circuits.resetAll();
    }

    static CaseAccessScope scope(UUID caseId) {
        return new CaseAccessScope(caseId, "tokyo", Phase.OUTREACH, CaseStatus.OPEN, List.of(
                new TeamMember(TeamMemberKind.STAFF, "cv-supporter", null, TeamRole.PRIMARY),
                new TeamMember(TeamMemberKind.PEER_SUPPORTER, "cv-peer", null, TeamRole.PEER),
                new TeamMember(TeamMemberKind.AGENCY_CONTACT, null, "tokyo-police", TeamRole.BACKUP_AGENCY)));
    }

    @Test
    void aKnownCaseIsAnsweredAsTheContractsRecordWithTheServicesOwnToken() {
        UUID caseId = UUID.randomUUID();
        CaseServiceStub.knows(scope(caseId));
        // the stub answers only a request bearing the token its token endpoint issued
        assertThat(client.find(caseId)).contains(scope(caseId));
        assertThat(CaseServiceStub.tokenRequests()).isPositive();
        assertThat(CaseServiceStub.scopeRequests(caseId)).isEqualTo(1);
    }

    @Test
    void aCaseCaseServiceDoesNotKnowIsAnAnswerNotAFailure() {
        UUID caseId = UUID.randomUUID();
        assertThat(client.find(caseId)).isEmpty();
        assertThat(CaseServiceStub.scopeRequests(caseId)).isEqualTo(1);
        assertThat(circuits.currentState(CaseServiceClient.CIRCUIT)).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void aFailingCaseServiceIsTriedThreeTimesThenTheCallerMayRetry() {
        UUID caseId = UUID.randomUUID();
        CaseServiceStub.answers(caseId, 500);
        assertThatThrownBy(() -> client.find(caseId)).isInstanceOf(CaseServiceUnavailableException.class)
                .hasMessageContaining("retry shortly");
        assertThat(CaseServiceStub.scopeRequests(caseId)).isEqualTo(3);

        UUID dropped = UUID.randomUUID();
        CaseServiceStub.dropsConnection(dropped);
        assertThatThrownBy(() -> client.find(dropped)).isInstanceOf(CaseServiceUnavailableException.class);
        assertThat(CaseServiceStub.scopeRequests(dropped)).isEqualTo(3);
    }

    @Test
    void aSlowCaseServiceIsNotWaitedFor() {
        UUID caseId = UUID.randomUUID();
        CaseServiceStub.knowsSlowly(scope(caseId), Duration.ofSeconds(20));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.find(caseId)).isInstanceOf(CaseServiceUnavailableException.class);
        // three attempts of 1 s each (this module's test setting): neither the stub's 20 s nor 3 s read timeouts
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(CaseServiceStub.scopeRequests(caseId)).isEqualTo(3);
    }

    @Test
    void aRunOfFailuresOpensTheCircuitAndCallersAreAnsweredWithoutAsking() {
        UUID caseId = UUID.randomUUID();
        CaseServiceStub.answers(caseId, 503);
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> client.find(caseId)).isInstanceOf(CaseServiceUnavailableException.class);
        }
        assertThat(circuits.currentState(CaseServiceClient.CIRCUIT)).isEqualTo(CircuitBreakerState.OPEN);
        int asked = CaseServiceStub.scopeRequests(caseId);

        UUID known = UUID.randomUUID();
        CaseServiceStub.knows(scope(known));
        assertThatThrownBy(() -> client.find(known)).isInstanceOf(CaseServiceUnavailableException.class);
        assertThat(CaseServiceStub.scopeRequests(known)).isZero();
        assertThat(CaseServiceStub.scopeRequests(caseId)).isEqualTo(asked);

        circuits.reset(CaseServiceClient.CIRCUIT);
        assertThat(client.find(known)).contains(scope(known));
    }
}
