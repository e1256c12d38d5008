package jp.tsunagu.platform.caseview;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseReopened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.testkit.CaseServiceStub;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The view kept from case-events, and asked of case-service once for a case whose events have not come. */
@QuarkusTest
class CaseViewStoreTest {

    private static final Instant AT = Instant.parse("2026-11-25T01:30:00Z");

    @Inject
    CaseViewStore store;

    @Inject
    DeparturesSeen departures;

    @Inject
    EntityManager em;

    private void apply(EventData event) {
        QuarkusTransaction.requiringNew().run(() -> store.apply(event));
    }

    private CaseView view(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> store.find(caseId).orElseThrow());
    }

    private static TeamMember staff(String userId, TeamRole role) {
        return new TeamMember(TeamMemberKind.STAFF, userId, null, role);
    }

    @Test
    void theViewFollowsTheCasesEvents() {
        UUID caseId = UUID.randomUUID();
        apply(new CaseOpened(caseId, "tokyo", "C-2026-000001", Phase.ASSESSMENT, CaseStatus.OPEN, IntakeChannel.PHONE,
                AT, "a", null));
        assertThat(view(caseId)).satisfies(v -> {
            assertThat(v.centerId).isEqualTo("tokyo");
            assertThat(v.phase).isEqualTo(Phase.ASSESSMENT);
            assertThat(v.source).isEqualTo(CaseView.Source.EVENTS);
            assertThat(v.team).isEmpty();
        });
        apply(new CaseTeamChanged(caseId, "tokyo", List.of(staff("s1", TeamRole.PRIMARY), staff("s2", TeamRole.SECONDARY),
                new TeamMember(TeamMemberKind.AGENCY_CONTACT, null, "tokyo-police", TeamRole.BACKUP_AGENCY)), AT, "a"));
        assertThat(view(caseId).team).containsExactlyInAnyOrder(new CaseView.Member("s1", TeamRole.PRIMARY),
                new CaseView.Member("s2", TeamRole.SECONDARY));
        assertThat(departures.seen()).noneMatch(d -> d.caseId().equals(caseId));

        apply(new CaseTeamChanged(caseId, "tokyo", List.of(staff("s3", TeamRole.PRIMARY)), AT, "a"));
        assertThat(view(caseId).team).containsExactly(new CaseView.Member("s3", TeamRole.PRIMARY));
        assertThat(departures.seen()).filteredOn(d -> d.caseId().equals(caseId))
                .containsExactly(new TeamDepartures(caseId, Set.of("s1", "s2")));

        apply(new CasePhaseChanged(caseId, "tokyo", Phase.ASSESSMENT, Phase.OUTREACH, false, AT, "a"));
        assertThat(view(caseId).phase).isEqualTo(Phase.OUTREACH);
        apply(new CaseClosed(caseId, "tokyo", AT, "a"));
        assertThat(view(caseId).isOpen()).isFalse();
        apply(new CaseReopened(caseId, "tokyo", Phase.FOLLOW_UP, AT, "a"));
        assertThat(view(caseId)).satisfies(v -> {
            assertThat(v.isOpen()).isTrue();
            assertThat(v.phase).isEqualTo(Phase.FOLLOW_UP);
        });
    }

    @Test
    void eventsBeforeTheOpeningAreNotKept() {
        UUID caseId = UUID.randomUUID();
        apply(new CasePhaseChanged(caseId, "tokyo", Phase.ASSESSMENT, Phase.OUTREACH, false, AT, "a"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.find(caseId))).isEmpty();
    }

    @Test
    void theCenterOfACaseIsThatOfItsViewAndOfAnUnknownCaseNoneWithoutAskingCaseService() {
        UUID kept = UUID.randomUUID();
        apply(new CaseOpened(kept, "osaka", "C-2026-000004", Phase.ASSESSMENT, CaseStatus.OPEN, IntakeChannel.PHONE,
                AT, "a", null));
        UUID unknown = UUID.randomUUID();
        CaseServiceStub.knows(CaseServiceClientTest.scope(unknown));

        assertThat(QuarkusTransaction.requiringNew().call(() -> store.centerOf(kept))).contains("osaka");
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.centerOf(unknown))).isEmpty();
        assertThat(CaseServiceStub.scopeRequests(unknown)).isZero();
    }

    @Test
    void anOpeningWhoseTeamHasNotArrivedAsksCaseServiceForTheTeam() {
        UUID caseId = UUID.randomUUID();
        apply(new CaseOpened(caseId, "tokyo", "C-2026-000003", Phase.ASSESSMENT, CaseStatus.OPEN, IntakeChannel.PHONE,
                AT, "a", null));
        CaseServiceStub.knows(CaseServiceClientTest.scope(caseId));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Set.copyOf(store.require(caseId).team)))
                .containsExactlyInAnyOrder(new CaseView.Member("cv-supporter", TeamRole.PRIMARY),
                        new CaseView.Member("cv-peer", TeamRole.PEER));
        assertThat(CaseServiceStub.scopeRequests(caseId)).isEqualTo(1);

        apply(new CaseTeamChanged(caseId, "tokyo", List.of(staff("cv-supporter", TeamRole.PRIMARY)), AT, "a"));
        assertThat(view(caseId).team).containsExactly(new CaseView.Member("cv-supporter", TeamRole.PRIMARY));
        store.require(caseId);
        assertThat(CaseServiceStub.scopeRequests(caseId)).as("a view with its team is not asked again").isEqualTo(1);
    }

    @Test
    void aCaseNotHeardOfIsAskedOnceAndTheEventsTakeOver() {
        UUID caseId = UUID.randomUUID();
        CaseServiceStub.knows(CaseServiceClientTest.scope(caseId));
        CaseView asked = store.require(caseId);
        assertThat(asked.source).isEqualTo(CaseView.Source.CASE_SERVICE);
        assertThat(asked.centerId).isEqualTo("tokyo");
        assertThat(asked.team).containsExactlyInAnyOrder(new CaseView.Member("cv-supporter", TeamRole.PRIMARY),
                new CaseView.Member("cv-peer", TeamRole.PEER));
        assertThat(store.require(caseId).team).hasSize(2);
        assertThat(CaseServiceStub.scopeRequests(caseId)).isEqualTo(1);

        apply(new CaseOpened(caseId, "tokyo", "C-2026-000002", Phase.OUTREACH, CaseStatus.OPEN, IntakeChannel.PHONE,
                AT, "a", null));
        assertThat(view(caseId).source).isEqualTo(CaseView.Source.EVENTS);
        assertThat(view(caseId).team).hasSize(2);
    }

    @Test
    void theOpeningEventWaitsForAFirstRequestKeepingTheViewAndTakesOver() throws Exception {
        UUID caseId = UUID.randomUUID();
        CaseServiceStub.knows(CaseServiceClientTest.scope(caseId));
        CountDownLatch kept = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> request = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.require(caseId);
                kept.countDown();
                waitFor(commit);
            }));
            kept.await();
            // the opening event arrives while the first request's view is not committed yet
            Future<?> event = pool.submit(() -> apply(new CaseOpened(caseId, "tokyo", "C-2026-000003", Phase.OUTREACH,
                    CaseStatus.OPEN, IntakeChannel.PHONE, AT, "a", null)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::someoneWaitsForALock);
            commit.countDown();
            request.get();
            event.get();
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(view(caseId)).satisfies(v -> {
            assertThat(v.source).isEqualTo(CaseView.Source.EVENTS);
            assertThat(v.team).hasSize(2);
        });
    }

    @Test
    void aRequestAskingForTheTeamWhileItsEventIsBeingKeptReadsTheEventsTeam() throws Exception {
        UUID caseId = UUID.randomUUID();
        apply(new CaseOpened(caseId, "tokyo", "C-2026-000005", Phase.ASSESSMENT, CaseStatus.OPEN, IntakeChannel.PHONE,
                AT, "a", null));
        CaseServiceStub.knows(CaseServiceClientTest.scope(caseId));
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> event = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.apply(new CaseTeamChanged(caseId, "tokyo", List.of(staff("cv-supporter", TeamRole.PRIMARY)), AT, "a"));
                applied.countDown();
                waitFor(commit);
            }));
            applied.await();
            // a first request of the team's supporter, while the team's event is not committed yet
            Future<Set<CaseView.Member>> request = pool.submit(() -> QuarkusTransaction.requiringNew()
                    .call(() -> Set.copyOf(store.require(caseId).team)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::someoneWaitsForALock);
            commit.countDown();
            event.get();
            assertThat(request.get()).containsExactly(new CaseView.Member("cv-supporter", TeamRole.PRIMARY));
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(CaseServiceStub.scopeRequests(caseId)).as("the team had come: case-service is not asked").isZero();
        assertThat(view(caseId).team).containsExactly(new CaseView.Member("cv-supporter", TeamRole.PRIMARY));
    }

    @Test
    void aTeamEventArrivingWhileAFirstRequestKeepsTheViewIsKeptAfterIt() throws Exception {
        UUID caseId = UUID.randomUUID();
        CaseServiceStub.knows(CaseServiceClientTest.scope(caseId));
        CountDownLatch kept = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> request = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.require(caseId);
                kept.countDown();
                waitFor(commit);
            }));
            kept.await();
            // a later team, whose event comes while the view the request asked for is not committed yet
            Future<?> event = pool.submit(() -> apply(new CaseTeamChanged(caseId, "tokyo",
                    List.of(staff("cv-new-supporter", TeamRole.PRIMARY)), AT, "a")));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::someoneWaitsForALock);
            commit.countDown();
            request.get();
            event.get();
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(view(caseId).team).containsExactly(new CaseView.Member("cv-new-supporter", TeamRole.PRIMARY));
    }

    private boolean someoneWaitsForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                .getSingleResult()).intValue() > 0);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCaseThatExistsNowhereIsNotFound() {
        UUID caseId = UUID.randomUUID();
        assertThatThrownBy(() -> store.require(caseId)).isInstanceOf(NotFoundException.class)
                .hasMessage("Case " + caseId + " not found");
    }
}
