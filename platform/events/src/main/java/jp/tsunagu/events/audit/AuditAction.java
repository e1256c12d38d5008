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
    VISIT_PLAN_READ("visit-plan.read"),
    // referral-service: a case's consents and referrals, the center's and the partner agencies' acts
    CONSENT_RECORD("consent.record"),
    CONSENT_LIST("consent.list"),
    CONSENT_READ("consent.read"),
    CONSENT_WITHDRAW("consent.withdraw"),
    REFERRAL_CREATE("referral.create"),
    REFERRAL_LIST("referral.list"),
    REFERRAL_READ("referral.read"),
    REFERRAL_MOVE("referral.move"),
    REFERRAL_AGENCY_ANSWER("referral.agency-answer"),
    REFERRAL_NOTE("referral.note"),
    REFERRAL_INBOUND_RECEIVE("referral.inbound-receive"),
    REFERRAL_PARTNER_LIST("referral.partner-list"),
    REFERRAL_PARTNER_READ("referral.partner-read"),
    REFERRAL_PARTNER_CHANGES("referral.partner-changes"),
    REFERRAL_PARTNER_MOVE("referral.partner-move"),
    REFERRAL_PARTNER_NOTE("referral.partner-note"),
    // any service: a request the caller's role does not allow, refused before any act (the kit's audit writes it)
    REQUEST_ROLE_REFUSED("request.role-refused");

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
