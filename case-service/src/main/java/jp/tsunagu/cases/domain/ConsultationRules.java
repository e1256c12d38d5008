package jp.tsunagu.cases.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a consultation record whole: a family member's relation (続柄) is said, and only for
 * the family; it happened after the case's intake (相談受付) and not in the future.
 */
public final class ConsultationRules {

    /** Clocks of phones and PCs drift: a consultation may be this far in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private ConsultationRules() {
    }

    /** Fails with every broken rule, field by field. */
    public static void check(Consultation consultation, Instant intakeReceivedAt, Instant now) {
        List<Violation> violations = new ArrayList<>();
        FamilyRelation.violation(consultation.consultedWith, consultation.relation).ifPresent(violations::add);
        Instant at = consultation.occurredAt;
        if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("occurredAt", "a consultation recorded did not happen in the future"));
        }
        if (at != null && intakeReceivedAt != null && at.isBefore(intakeReceivedAt)) {
            violations.add(new Violation("occurredAt", "a consultation of a case is not before its intake"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
