package jp.tsunagu.visits.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.events.visits.VisitorRole;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.visits.domain.Cadence;
import jp.tsunagu.visits.domain.Visit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which visits count for the cadence, as the database finds them ({@code CadenceService.FACTS} over
 * the partial index of V3): a history of visits in any order, written in the table as
 * {@code KIND OUTCOME day [CONSENT] [next=day | every=N]} or {@code KIND SCHEDULED day} (a day is
 * at noon in Tokyo unless given as an instant), gives the last visit, the last meeting, the
 * not-met streak and, with no plan, the due date the last visit agreed.
 */
@QuarkusTest
class CadenceFactsTest {

    @Inject
    CadenceService cadence;
    @Inject
    EntityManager em;

    @ParameterizedTest(name = "[{0}] -> last {1}, met {2}, streak {3}, due {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # visits, any order                                                          | last visit | last met   | streak | due
            -                                                                            | -          | -          | 0      | -
            HOME NOT_MET 2026-04-01                                                      | 2026-04-01 | -          | 1      | -
            HOME MET_SUBJECT 2026-04-01 AGREED next=2026-04-05                           | 2026-04-01 | 2026-04-01 | 0      | 2026-04-05
            HOME MET_SUBJECT 2026-04-01 NOT_ASKED; HOME NOT_MET 2026-04-08; OUTING MET_FAMILY_ONLY 2026-04-15 | 2026-04-15 | 2026-04-01 | 2 | -
            HOME NOT_MET 2026-04-08; HOME MET_SUBJECT 2026-04-01 NOT_ASKED               | 2026-04-08 | 2026-04-01 | 1      | -
            HOME NOT_MET 2026-04-01; FAMILY_SESSION MET_FAMILY_ONLY 2026-04-20           | 2026-04-01 | -          | 1      | -
            FAMILY_SESSION MET_SUBJECT 2026-04-20 AGREED every=3                         | -          | -          | 0      | -
            HOME NOT_MET 2026-04-01; HOME CANCELLED 2026-04-10                           | 2026-04-01 | -          | 1      | -
            HOME NOT_MET 2026-04-01; HOME SCHEDULED 2026-04-30                           | 2026-04-01 | -          | 1      | -
            ACCOMPANIMENT MET_SUBJECT 2026-04-01 AGREED every=3                          | 2026-04-01 | 2026-04-01 | 0      | 2026-04-04
            ACCOMPANIMENT MET_SUBJECT 2026-04-01 AGREED every=3; HOME NOT_MET 2026-04-02 | 2026-04-02 | 2026-04-01 | 1      | -
            HOME MET_SUBJECT 2026-04-01 NOT_ASKED; HOME NOT_MET 2026-04-08; HOME MET_SUBJECT 2026-04-15 NOT_ASKED; HOME NOT_MET 2026-04-22; OUTING NOT_MET 2026-04-29 | 2026-04-29 | 2026-04-15 | 2 | -
            HOME NOT_MET 2026-03-31T15:30:00Z                                            | 2026-04-01 | -          | 1      | -
            """)
    void countsOutreachRecordedAndNotCancelled(String visits, LocalDate lastVisitOn, LocalDate lastMetOn, int streak,
                                               LocalDate dueOn) {
        UUID caseId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> visits(caseId, visits).forEach(em::persist));

        Cadence cadence = QuarkusTransaction.requiringNew().call(() -> this.cadence.refresh(view(caseId)));

        assertThat(cadence.lastVisitOn).as("last visit").isEqualTo(lastVisitOn);
        assertThat(cadence.lastMetOn).as("last met").isEqualTo(lastMetOn);
        assertThat(cadence.notMetStreak).as("not met streak").isEqualTo(streak);
        assertThat(cadence.dueOn).as("due").isEqualTo(dueOn);
    }

    @Test
    void theQueryIsAnsweredFromThePartialIndex() {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            // not to make the planner prefer them on a small table, but to see that it can use them:
            // a condition that differs from the index's by a word leaves only the sequential scan
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = em.createNativeQuery("explain " + CadenceService.FACTS)
                    .setParameter("c", UUID.randomUUID()).getResultList();
            return lines;
        });

        assertThat(String.join("\n", plan)).contains("visit_case_counted").doesNotContain("Seq Scan on visit");
    }

    private static CaseView view(UUID caseId) {
        CaseView view = new CaseView();
        view.caseId = caseId;
        view.centerId = "tokyo";
        return view;
    }

    private static List<Visit> visits(UUID caseId, String table) {
        List<Visit> visits = new ArrayList<>();
        if (table == null) {
            return visits;
        }
        for (String row : table.split(";\\s*")) {
            List<String> words = new ArrayList<>(Arrays.asList(row.trim().split("\\s+")));
            Visit visit = new Visit();
            visit.id = UUID.randomUUID();
            visit.caseId = caseId;
            visit.centerId = "tokyo";
            visit.kind = VisitKind.valueOf(words.remove(0));
            String outcome = words.remove(0);
            visit.status = "SCHEDULED".equals(outcome) ? VisitStatus.SCHEDULED : VisitStatus.RECORDED;
            visit.outcome = visit.status == VisitStatus.SCHEDULED ? null : VisitOutcome.valueOf(outcome);
            visit.occurredAt = instant(words.remove(0));
            visit.receivedAt = Instant.now();
            visit.updatedAt = visit.receivedAt;
            visit.recordedBy = "supporter";
            visit.visitors = List.of(new Visitor("supporter", VisitorRole.STAFF));
            visit.leftBehind = List.of();
            visit.topics = List.of();
            visit.requestHash = "h";
            for (String word : words) {
                if (word.startsWith("next=")) {
                    visit.nextVisitAt = instant(word.substring(5));
                } else if (word.startsWith("every=")) {
                    visit.nextVisitIntervalDays = Integer.valueOf(word.substring(6));
                } else {
                    visit.nextVisitConsent = NextVisitConsent.valueOf(word);
                }
            }
            visits.add(visit);
        }
        return visits;
    }

    private static Instant instant(String text) {
        return text.contains("T") ? Instant.parse(text) : Tokyo.startOf(LocalDate.parse(text)).plusSeconds(12 * 3600);
    }
}
