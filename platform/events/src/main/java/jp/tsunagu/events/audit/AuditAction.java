package jp.tsunagu.events.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The audited acts a service shares with the case's access log, each with the name it has in the
 * audit trail of the service that served it. A service that shares a new act adds it here first.
 */
public enum AuditAction {
    VISIT_RECORD("visit.record"),
    VISIT_LIST("visit.list"),
    VISIT_CHANGES_READ("visit.changes.read"),
    VISIT_READ("visit.read"),
    VISIT_CORRECT("visit.correct"),
    VISIT_REVISIONS_READ("visit.revisions.read"),
    VISIT_SCHEDULE_READ("visit.schedule.read"),
    VISIT_CADENCE_READ("visit.cadence.read"),
    VISIT_PLAN_UPDATE("visit-plan.update"),
    VISIT_PLAN_READ("visit-plan.read");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** The name in the audit trail, e.g. {@code visit.read}. */
    public String code() {
        return code;
    }

    public static Optional<AuditAction> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
