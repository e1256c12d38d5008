package jp.tsunagu.visits.domain;

import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.platform.time.Tokyo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch on a case's visits as tables (plain JUnit, no Quarkus): what the last visit, the last
 * meeting, the not-met streak and the due date are for a history of visits and a plan. A visit is
 * written {@code KIND OUTCOME day [CONSENT] [next=day | every=N]}, or {@code KIND SCHEDULED day};
 * a day is at noon in Tokyo unless given as an instant; {@code -} is nothing.
 */
class CadenceRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @ParameterizedTest(name = "[{0}] plan {1} -> last {2}, met {3}, streak {4}, due {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # visits, any order                                                       | plan every | last visit | last met   | not met streak | due
            -                                                                         | -          | -          | -          | 0              | -
            -                                                                         | 14         | -          | -          | 0              | 2026-04-15
            HOME NOT_MET 2026-04-01                                                   | 14         | 2026-04-01 | -          | 1              | 2026-04-15
            HOME NOT_MET 2026-04-01                                                   | -          | 2026-04-01 | -          | 1              | -
            HOME MET_SUBJECT 2026-04-01 AGREED next=2026-04-05                        | 14         | 2026-04-01 | 2026-04-01 | 0              | 2026-04-05
            HOME MET_SUBJECT 2026-04-01 AGREED every=7                                | 14         | 2026-04-01 | 2026-04-01 | 0              | 2026-04-08
            HOME MET_SUBJECT 2026-04-01 NO_EXPLICIT_REFUSAL every=10                  | 14         | 2026-04-01 | 2026-04-01 | 0              | 2026-04-11
            HOME MET_SUBJECT 2026-04-01 AGREED every=7                                | -          | 2026-04-01 | 2026-04-01 | 0              | 2026-04-08
            HOME MET_SUBJECT 2026-04-01 REFUSED every=7                               | 14         | 2026-04-01 | 2026-04-01 | 0              | 2026-04-15
            HOME MET_SUBJECT 2026-04-01 NOT_ASKED                                     | 14         | 2026-04-01 | 2026-04-01 | 0              | 2026-04-15
            HOME MET_SUBJECT 2026-04-01 NOT_ASKED; HOME NOT_MET 2026-04-08; OUTING MET_FAMILY_ONLY 2026-04-15 | 14 | 2026-04-15 | 2026-04-01 | 2 | 2026-04-29
            HOME NOT_MET 2026-04-08; HOME MET_SUBJECT 2026-04-01 NOT_ASKED            | 14         | 2026-04-08 | 2026-04-01 | 1              | 2026-04-22
            HOME NOT_MET 2026-04-01; FAMILY_SESSION MET_FAMILY_ONLY 2026-04-20        | 14         | 2026-04-01 | -          | 1              | 2026-04-15
            HOME NOT_MET 2026-04-01; HOME CANCELLED 2026-04-10                        | 14         | 2026-04-01 | -          | 1              | 2026-04-15
            HOME NOT_MET 2026-04-01; HOME SCHEDULED 2026-04-30                        | 14         | 2026-04-01 | -          | 1              | 2026-04-15
            ACCOMPANIMENT MET_SUBJECT 2026-04-01 AGREED every=3; HOME NOT_MET 2026-04-02 | 14      | 2026-04-02 | 2026-04-01 | 1              | 2026-04-16
            HOME NOT_MET 2026-03-31T15:30:00Z                                         | 7          | 2026-04-01 | -          | 1              | 2026-04-08
            """)
    void followsTheVisitsOfACase(String visits, Integer planEvery, LocalDate lastVisitOn, LocalDate lastMetOn,
                                 int notMetStreak, LocalDate dueOn) {
        Cadence cadence = new Cadence();

        cadence.recompute(visits(visits), plan(planEvery), NOW);

        assertThat(cadence.lastVisitOn).as("last visit").isEqualTo(lastVisitOn);
        assertThat(cadence.lastMetOn).as("last met").isEqualTo(lastMetOn);
        assertThat(cadence.notMetStreak).as("not met streak").isEqualTo(notMetStreak);
        assertThat(cadence.dueOn).as("due").isEqualTo(dueOn);
        assertThat(cadence.intervalDays).isEqualTo(planEvery);
        assertThat(cadence.updatedAt).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "due {0}, every {1}, today {2} -> overdue {3}, {4} days, {5} intervals")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # due      | every | today      | overdue | days | intervals missed
            -          | 14    | 2026-04-20 | false   | 0    | 0
            2026-04-15 | 14    | 2026-04-14 | false   | 0    | 0
            2026-04-15 | 14    | 2026-04-15 | false   | 0    | 0
            2026-04-15 | 14    | 2026-04-16 | true    | 1    | 1
            2026-04-15 | 14    | 2026-04-28 | true    | 13   | 1
            2026-04-15 | 14    | 2026-04-29 | true    | 14   | 2
            2026-04-15 | 7     | 2026-05-06 | true    | 21   | 4
            2026-04-15 | -     | 2026-04-30 | true    | 15   | 2
            2026-04-15 | 0     | 2026-04-30 | true    | 15   | 2
            """)
    void isOverdueOnceTheDueDayHasPassed(LocalDate dueOn, Integer every, LocalDate today, boolean overdue,
                                         long days, int intervalsMissed) {
        Cadence cadence = new Cadence();
        cadence.dueOn = dueOn;
        cadence.intervalDays = every;

        assertThat(cadence.isOverdue(today)).isEqualTo(overdue);
        assertThat(cadence.daysOverdue(today)).isEqualTo(days);
        assertThat(cadence.intervalsMissed(today)).isEqualTo(intervalsMissed);
    }

    private static Optional<VisitPlan> plan(Integer every) {
        if (every == null) {
            return Optional.empty();
        }
        VisitPlan plan = new VisitPlan();
        plan.intervalDays = every;
        plan.updatedAt = noonInTokyo(LocalDate.of(2026, 4, 1));
        return Optional.of(plan);
    }

    private static List<Visit> visits(String table) {
        List<Visit> visits = new ArrayList<>();
        if (table == null) {
            return visits;
        }
        for (String row : table.split(";\\s*")) {
            List<String> words = new ArrayList<>(Arrays.asList(row.trim().split("\\s+")));
            Visit visit = new Visit();
            visit.id = UUID.randomUUID();
            visit.kind = VisitKind.valueOf(words.remove(0));
            String outcome = words.remove(0);
            visit.status = "SCHEDULED".equals(outcome) ? VisitStatus.SCHEDULED : VisitStatus.RECORDED;
            visit.outcome = visit.status == VisitStatus.SCHEDULED ? null : VisitOutcome.valueOf(outcome);
            visit.occurredAt = instant(words.remove(0));
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
        return text.contains("T") ? Instant.parse(text) : noonInTokyo(LocalDate.parse(text));
    }

    private static Instant noonInTokyo(LocalDate day) {
        return Tokyo.startOf(day).plusSeconds(12 * 3600);
    }
}
