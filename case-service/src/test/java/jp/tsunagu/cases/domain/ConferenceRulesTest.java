package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of a case conference (事例検討会) and of the review date it sets, plain JUnit: held
 * not in the future, the next review after it, the latest held sets the date, and when a case is due.
 */
class ConferenceRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void aConferenceKeepsWhatWasSaidAndCountsEachAttendeeOnce() {
        UUID caseId = UUID.randomUUID();
        Conference held = Conference.held(caseId, minutes(TODAY.minusDays(3), TODAY.plusDays(90),
                List.of("u-1", "u-2", "u-1"), List.of("tokyo-police", "tokyo-police")), TODAY, "u-1", NOW);
        assertThat(held.caseId).isEqualTo(caseId);
        assertThat(held.attendeeUserIds).containsExactly("u-1", "u-2");
        assertThat(held.attendeeAgencyIds).containsExactly("tokyo-police");
        assertThat(held.subjectNeeds).isEqualTo("本人: 話し相手");
        assertThat(held.familyNeeds).isEqualTo("家族: 休息");
        assertThat(held.planRevision).isNull();
        held.produced(3);
        assertThat(held.planRevision).isEqualTo(3);
    }

    @ParameterizedTest(name = "held {0} days from today, review {1}: {2}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            0  | -   | -
            0  | 1   | -
            -5 | -4  | -
            -5 | 0   | -
            1  | -   | heldOn
            -5 | -5  | nextReviewOn
            -5 | -6  | nextReviewOn
            2  | 1   | heldOn,nextReviewOn
            """)
    void heldNotInTheFutureAndReviewedAfter(int heldIn, Integer reviewIn, String refused) {
        Conference.Minutes minutes = minutes(TODAY.plusDays(heldIn), reviewIn == null ? null : TODAY.plusDays(reviewIn),
                List.of("u-1"), List.of());
        if (refused == null) {
            assertThat(Conference.held(UUID.randomUUID(), minutes, TODAY, "u-1", NOW).heldOn).isEqualTo(TODAY.plusDays(heldIn));
        } else {
            assertThatThrownBy(() -> Conference.held(UUID.randomUUID(), minutes, TODAY, "u-1", NOW))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly(refused.split(",")));
        }
    }

    @ParameterizedTest(name = "latest held {0}, this one held {1}: review {2}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # latest before | held       | next review after it
            -               | 2026-11-01 | 2026-12-01
            2026-10-01      | 2026-11-01 | 2026-12-01
            2026-11-01      | 2026-11-01 | 2026-12-01
            2026-11-10      | 2026-11-01 | 2026-02-01
            """)
    void theConferenceHeldLastSetsTheReviewDate(LocalDate latestBefore, LocalDate heldOn, LocalDate expected) {
        SupportCase c = SupportCaseTransitionsTest.caseIn(Phase.OUTREACH);
        c.nextReviewOn = LocalDate.of(2026, 2, 1);
        Conference conference = Conference.held(c.id, minutes(heldOn, LocalDate.of(2026, 12, 1), List.of("u-1"),
                List.of()), TODAY, "u-1", NOW);

        c.conferenceHeld(conference, Optional.ofNullable(latestBefore));

        assertThat(c.nextReviewOn).isEqualTo(expected);
    }

    @Test
    void theLatestConferenceWithoutAReviewDateClearsIt() {
        SupportCase c = SupportCaseTransitionsTest.caseIn(Phase.OUTREACH);
        c.nextReviewOn = LocalDate.of(2026, 2, 1);
        c.conferenceHeld(Conference.held(c.id, minutes(TODAY, null, List.of("u-1"), List.of()), TODAY, "u-1", NOW),
                Optional.of(TODAY.minusDays(30)));
        assertThat(c.nextReviewOn).isNull();
    }

    @ParameterizedTest(name = "review {0}, case {1}, on {2}: due {3}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            2026-11-19 | open   | 2026-11-20 | true
            2026-11-20 | open   | 2026-11-20 | false
            2026-11-21 | open   | 2026-11-20 | false
            -          | open   | 2026-11-20 | false
            2026-11-19 | closed | 2026-11-20 | false
            2026-11-19 | open   | 2026-11-19 | false
            """)
    void aCaseIsDueWhenItsReviewDatePassedWhileOpen(LocalDate review, String state, LocalDate day, boolean due) {
        SupportCase c = SupportCaseTransitionsTest.caseIn(Phase.ENGAGEMENT);
        c.nextReviewOn = review;
        if (state.equals("closed")) {
            c.close(NOW);
        }
        assertThat(c.reviewDueOn(day)).isEqualTo(due);
    }

    private static Conference.Minutes minutes(LocalDate heldOn, LocalDate nextReviewOn, List<String> userIds,
                                              List<String> agencyIds) {
        return new Conference.Minutes(heldOn, userIds, agencyIds, "本人: 話し相手", "家族: 休息", "月2回訪問", nextReviewOn);
    }
}
