package jp.tsunagu.visits.domain;

import jp.tsunagu.events.visits.LeftBehind;
import jp.tsunagu.events.visits.LeftBehindContents;
import jp.tsunagu.events.visits.LeftBehindKind;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.OutingActivity;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.events.visits.VisitorRole;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What makes a visit record whole, as a table (plain JUnit, no Quarkus): a visit that is whole
 * (a home visit that met the person, who agreed to the next one in two weeks), changed in one or
 * more ways, and the fields then refused ({@code -}: none). The clock is an argument of the rule.
 */
class VisitRulesTest {

    private static final Instant NOW = Instant.parse("2026-04-01T03:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # changes to a whole met home visit                  | fields refused
            nothing                                              | -
            no visitors                                          | visitors
            an outing without activity                           | activity
            an outing with activity                              | -
            an activity on a home visit                          | activity
            no outcome                                           | outcome, timeAloneWithSubject
            happened 9 minutes ahead                             | -
            happened 11 minutes ahead                            | occurredAt
            no consent                                           | nextVisit.consent
            agreed without date or interval                      | nextVisit
            agreed with a date only                              | -
            not met                                              | -
            not met, time alone                                  | timeAloneWithSubject
            not met, no consent                                  | -
            met family only, time alone                          | timeAloneWithSubject
            scheduled                                            | status
            scheduled, no outcome, no consent                    | -
            scheduled, no outcome, no consent, a letter left     | status
            scheduled, no outcome, no consent, observations      | status
            scheduled, no outcome, no consent, no visitors       | visitors
            no visitors, no outcome, an activity on a home visit | visitors, outcome, activity, timeAloneWithSubject
            """)
    void checksAVisit(String changes, String refused) {
        Visit visit = wholeMetHomeVisit();
        for (String change : changes.split(",\\s*")) {
            change(visit, change);
        }

        if (refused == null) {
            assertThatCode(() -> VisitRules.check(visit, NOW)).doesNotThrowAnyException();
        } else {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> VisitRules.check(visit, NOW));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.violations()).extracting(Violation::field)
                    .containsExactlyInAnyOrder(refused.split(",\\s*"));
        }
    }

    @ParameterizedTest(name = "{0}: consent becomes {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # visit                               | consent afterwards
            nothing                               | AGREED
            not met, no consent                   | NOT_ASKED
            scheduled, no outcome, no consent     | -
            """)
    void aRecordedVisitWithoutConsentWasNotAsked(String changes, NextVisitConsent consent) {
        Visit visit = wholeMetHomeVisit();
        for (String change : changes.split(",\\s*")) {
            change(visit, change);
        }

        VisitRules.check(visit, NOW);

        assertThat(visit.nextVisitConsent).isEqualTo(consent);
    }

    private static Visit wholeMetHomeVisit() {
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.status = VisitStatus.RECORDED;
        visit.kind = VisitKind.HOME;
        visit.occurredAt = NOW.minus(Duration.ofHours(2));
        visit.visitors = List.of(new Visitor("supporter-1", VisitorRole.STAFF));
        visit.outcome = VisitOutcome.MET_SUBJECT;
        visit.leftBehind = List.of();
        visit.timeAloneWithSubject = true;
        visit.nextVisitConsent = NextVisitConsent.AGREED;
        visit.nextVisitIntervalDays = 14;
        return visit;
    }

    private static void change(Visit visit, String change) {
        switch (change) {
            case "nothing" -> {
            }
            case "no visitors" -> visit.visitors = List.of();
            case "an outing without activity" -> visit.kind = VisitKind.OUTING;
            case "an outing with activity" -> {
                visit.kind = VisitKind.OUTING;
                visit.activity = OutingActivity.WALK;
            }
            case "an activity on a home visit" -> visit.activity = OutingActivity.EATING_OUT;
            case "no outcome" -> visit.outcome = null;
            case "happened 9 minutes ahead" -> visit.occurredAt = NOW.plus(Duration.ofMinutes(9));
            case "happened 11 minutes ahead" -> visit.occurredAt = NOW.plus(Duration.ofMinutes(11));
            case "no consent" -> visit.nextVisitConsent = null;
            case "agreed without date or interval" -> visit.nextVisitIntervalDays = null;
            case "agreed with a date only" -> {
                visit.nextVisitIntervalDays = null;
                visit.nextVisitAt = NOW.plus(Duration.ofDays(7));
            }
            case "not met" -> {
                visit.outcome = VisitOutcome.NOT_MET;
                visit.timeAloneWithSubject = null;
            }
            case "time alone" -> visit.timeAloneWithSubject = true;
            case "met family only" -> {
                visit.outcome = VisitOutcome.MET_FAMILY_ONLY;
                visit.timeAloneWithSubject = null;
            }
            case "scheduled" -> {
                visit.status = VisitStatus.SCHEDULED;
                visit.occurredAt = NOW.plus(Duration.ofDays(3));
                visit.timeAloneWithSubject = null;
                visit.nextVisitIntervalDays = null;
            }
            case "a letter left" -> visit.leftBehind = List.of(
                    new LeftBehind(LeftBehindKind.LETTER, Set.of(LeftBehindContents.SUPPORTER_NEWS)));
            case "observations" -> visit.observations = "seen from the door";
            default -> throw new IllegalArgumentException("no change " + change);
        }
    }
}
