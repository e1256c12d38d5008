package jp.tsunagu.visits.domain;

import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.platform.time.Tokyo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch on a case's visits as tables (plain JUnit, no Quarkus): what the last visit, the last
 * meeting, the not-met streak and the due date are for what the case's visits come to (its latest
 * counted visit, its latest meeting, the visits since: {@link CadenceFacts}) and a plan. The last
 * visit is written {@code day [CONSENT] [next=day | every=N]}; a day is at noon in Tokyo unless
 * given as an instant; {@code -} is nothing. Which visits count is the database's query, tested
 * on PostgreSQL in {@code CadenceFactsTest}.
 */
class CadenceRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @ParameterizedTest(name = "[{0}] met {1}, streak {2}, plan {3} -> last {4}, met {5}, due {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # last counted visit                   | last met             | streak | plan every | last visit | last met   | due
            -                                      | -                    | 0      | -          | -          | -          | -
            -                                      | -                    | 0      | 14         | -          | -          | 2026-04-15
            2026-04-01                             | -                    | 1      | 14         | 2026-04-01 | -          | 2026-04-15
            2026-04-01                             | -                    | 1      | -          | 2026-04-01 | -          | -
            2026-04-01 AGREED next=2026-04-05      | 2026-04-01           | 0      | 14         | 2026-04-01 | 2026-04-01 | 2026-04-05
            2026-04-01 AGREED every=7              | 2026-04-01           | 0      | 14         | 2026-04-01 | 2026-04-01 | 2026-04-08
            2026-04-01 NO_EXPLICIT_REFUSAL every=10 | 2026-04-01          | 0      | 14         | 2026-04-01 | 2026-04-01 | 2026-04-11
            2026-04-01 AGREED every=7              | 2026-04-01           | 0      | -          | 2026-04-01 | 2026-04-01 | 2026-04-08
            2026-04-01 REFUSED every=7             | 2026-04-01           | 0      | 14         | 2026-04-01 | 2026-04-01 | 2026-04-15
            2026-04-01 NOT_ASKED                   | 2026-04-01           | 0      | 14         | 2026-04-01 | 2026-04-01 | 2026-04-15
            2026-04-15                             | 2026-04-01           | 2      | 14         | 2026-04-15 | 2026-04-01 | 2026-04-29
            2026-04-02                             | 2026-04-01           | 1      | -          | 2026-04-02 | 2026-04-01 | -
            2026-03-31T15:30:00Z                   | 2026-03-20T15:00:00Z | 1      | 7          | 2026-04-01 | 2026-03-21 | 2026-04-08
            """)
    void followsWhatTheVisitsComeTo(String lastVisit, String lastMet, int streak, Integer planEvery,
                                    LocalDate lastVisitOn, LocalDate lastMetOn, LocalDate dueOn) {
        Cadence cadence = new Cadence();

        cadence.recompute(new CadenceFacts(lastVisit(lastVisit), Optional.ofNullable(lastMet).map(CadenceRulesTest::instant),
                streak), plan(planEvery), NOW);

        assertThat(cadence.lastVisitOn).as("last visit").isEqualTo(lastVisitOn);
        assertThat(cadence.lastMetOn).as("last met").isEqualTo(lastMetOn);
        assertThat(cadence.notMetStreak).as("not met streak").isEqualTo(streak);
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

    private static Optional<CadenceFacts.LastVisit> lastVisit(String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
        Instant occurredAt = instant(words.remove(0));
        NextVisitConsent consent = null;
        Instant next = null;
        Integer every = null;
        for (String word : words) {
            if (word.startsWith("next=")) {
                next = instant(word.substring(5));
            } else if (word.startsWith("every=")) {
                every = Integer.valueOf(word.substring(6));
            } else {
                consent = NextVisitConsent.valueOf(word);
            }
        }
        return Optional.of(new CadenceFacts.LastVisit(occurredAt, consent, next, every));
    }

    private static Instant instant(String text) {
        return text.contains("T") ? Instant.parse(text) : noonInTokyo(LocalDate.parse(text));
    }

    private static Instant noonInTokyo(LocalDate day) {
        return Tokyo.startOf(day).plusSeconds(12 * 3600);
    }
}
