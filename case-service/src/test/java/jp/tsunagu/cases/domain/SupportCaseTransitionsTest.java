package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state rules of a case, as tables (plain JUnit, no Quarkus, no database): the seven phases
 * with stepping back, the end of home visits, closing and reopening.
 */
class SupportCaseTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}: stepped back {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # from        | to          | stepped back
            ASSESSMENT    | ENVIRONMENT | false
            ENVIRONMENT   | OUTREACH    | false
            OUTREACH      | ENGAGEMENT  | false
            ENGAGEMENT    | DAILY_LIFE  | false
            DAILY_LIFE    | EXPANSION   | false
            EXPANSION     | FOLLOW_UP   | false
            ASSESSMENT    | FOLLOW_UP   | false
            ENGAGEMENT    | OUTREACH    | true
            DAILY_LIFE    | ASSESSMENT  | true
            FOLLOW_UP     | EXPANSION   | true
            """)
    void movesBetweenPhasesForwardOrBack(Phase from, Phase to, boolean steppedBack) {
        SupportCase c = caseIn(from);

        PhaseTransition transition = c.moveTo(to, "because", "supervisor-1", NOW);

        assertThat(c.phase).isEqualTo(to);
        assertThat(transition.fromPhase).isEqualTo(from);
        assertThat(transition.toPhase).isEqualTo(to);
        assertThat(transition.steppedBack).isEqualTo(steppedBack);
        assertThat(transition.caseId).isEqualTo(c.id);
        assertThat(transition.transitionedAt).isEqualTo(NOW);
        assertThat(transition.transitionedBy).isEqualTo("supervisor-1");
    }

    @ParameterizedTest(name = "already in {0}")
    @CsvSource({"ASSESSMENT", "OUTREACH", "FOLLOW_UP"})
    void refusesAMoveToThePhaseItIsIn(Phase phase) {
        SupportCase c = caseIn(phase);

        assertThatThrownBy(() -> c.moveTo(phase, "again", "s", NOW))
                .isInstanceOf(ConflictException.class).hasMessage("The case is already in phase " + phase);
    }

    @ParameterizedTest(name = "home visits end in {0}: a transition {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # phase when they end | a phase transition is recorded
            ASSESSMENT            | true
            ENGAGEMENT            | true
            EXPANSION             | true
            FOLLOW_UP             | false
            """)
    void endingHomeVisitsMovesToFollowUp(Phase phase, boolean recordsATransition) {
        SupportCase c = caseIn(phase);
        LocalDate on = LocalDate.of(2026, 3, 31);

        PhaseTransition transition = c.endHomeVisits(HomeVisitEndReason.EMPLOYED, on, "s", NOW);

        assertThat(c.phase).isEqualTo(Phase.FOLLOW_UP);
        assertThat(c.homeVisitsEndedOn).isEqualTo(on);
        assertThat(c.homeVisitEndReason).isEqualTo(HomeVisitEndReason.EMPLOYED);
        assertThat(transition != null).isEqualTo(recordsATransition);
        if (transition != null) {
            assertThat(transition.fromPhase).isEqualTo(phase);
            assertThat(transition.reason).isEqualTo("home visits ended: EMPLOYED");
        }
    }

    @Test
    void homeVisitsEndOnce() {
        SupportCase c = caseIn(Phase.DAILY_LIFE);
        c.endHomeVisits(HomeVisitEndReason.EMPLOYED, LocalDate.of(2026, 3, 31), "s", NOW);

        assertThatThrownBy(() -> c.endHomeVisits(HomeVisitEndReason.MOVED_AWAY, LocalDate.of(2026, 4, 1), "s", NOW))
                .isInstanceOf(ConflictException.class).hasMessage("Home visits already ended on 2026-03-31");
    }

    @ParameterizedTest(name = "back to {0} after the end of home visits forgets it")
    @CsvSource({"EXPANSION", "OUTREACH"})
    void steppingBackFromFollowUpResumesHomeVisits(Phase back) {
        SupportCase c = caseIn(Phase.DAILY_LIFE);
        c.endHomeVisits(HomeVisitEndReason.SUBJECT_DECLINED, LocalDate.of(2026, 3, 31), "s", NOW);

        c.moveTo(back, "visits again", "s", NOW);

        assertThat(c.homeVisitsEndedOn).isNull();
        assertThat(c.homeVisitEndReason).isNull();
    }

    /** Acts, in order, and what follows: the status, or the conflict the last act meets. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # acts, in order                 | status or refusal
            close                            | CLOSED
            close, reopen                    | OPEN
            close, reopen, close             | CLOSED
            reopen                           | refused: Only a closed case can be reopened
            close, close                     | refused: The case is closed; reopen it first
            close, move                      | refused: The case is closed; reopen it first
            close, end home visits           | refused: The case is closed; reopen it first
            close, describe                  | refused: The case is closed; reopen it first
            close, reopen, move              | OPEN
            """)
    void closesAndReopens(String acts, String outcome) {
        SupportCase c = caseIn(Phase.ENGAGEMENT);
        List<String> steps = List.of(acts.split(",\\s*"));
        for (int i = 0; i < steps.size(); i++) {
            Runnable act = act(c, steps.get(i));
            if (i == steps.size() - 1 && outcome.startsWith("refused: ")) {
                assertThatThrownBy(act::run).isInstanceOf(ConflictException.class)
                        .hasMessage(outcome.substring("refused: ".length()));
                return;
            }
            act.run();
        }
        assertThat(c.status).isEqualTo(CaseStatus.valueOf(outcome));
        assertThat(c.closedAt).isEqualTo(c.status == CaseStatus.CLOSED ? NOW : null);
    }

    @Test
    void opensInAssessmentOpenAndWithoutCrisis() {
        SupportCase c = caseIn(Phase.ASSESSMENT);

        assertThat(c.phase).isEqualTo(Phase.ASSESSMENT);
        assertThat(c.status).isEqualTo(CaseStatus.OPEN);
        assertThat(c.inCrisis()).isFalse();
        assertThat(c.openedAt).isEqualTo(NOW);
        assertThat(c.updatedAt).isEqualTo(NOW);
    }

    private static Runnable act(SupportCase c, String act) {
        return switch (act) {
            case "close" -> () -> c.close(NOW);
            case "reopen" -> c::reopen;
            case "move" -> () -> c.moveTo(c.phase == Phase.OUTREACH ? Phase.ENGAGEMENT : Phase.OUTREACH, "r", "s", NOW);
            case "end home visits" -> () -> c.endHomeVisits(HomeVisitEndReason.OTHER, LocalDate.of(2026, 3, 31), "s", NOW);
            case "describe" -> () -> c.describe(subject(), List.of(), List.of());
            default -> throw new IllegalArgumentException("no act " + act);
        };
    }

    static SupportCase caseIn(Phase phase) {
        SupportCase c = SupportCase.open("tokyo", "C-2026-000001",
                new Intake(NOW, IntakeChannel.PHONE, Relation.MOTHER, "consultant", "summary", null),
                subject(), List.of(), List.of(), "supporter-1", NOW);
        c.phase = phase;
        return c;
    }

    private static Subject subject() {
        return new Subject("山田", "太郎", "ヤマダ", "タロウ", null, 1990, Gender.MALE, null, "2020-04");
    }
}
