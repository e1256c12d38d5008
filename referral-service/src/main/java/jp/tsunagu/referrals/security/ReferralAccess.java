package jp.tsunagu.referrals.security;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.audit.AuditScope;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.caseview.CaseViewStore;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.referrals.domain.Consent;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralDirection;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and act on which consents and referrals. On the center's side, decided on the
 * service's own case view: supervisors of the case's center, supporters on its team. An inbound
 * referral without a case yet is the center's: its supervisors and supporters see it. On the
 * agency's side: only its own agency's referrals, never a draft, and only until 30 days after
 * closure. Anything else answers exactly as a missing object (404).
 */
@ApplicationScoped
public class ReferralAccess {

    private final CallerScope caller;
    private final CaseViewStore cases;
    private final AuditScope audit;
    private final Clock clock;

    ReferralAccess(CallerScope caller, CaseViewStore cases, AuditScope audit, Clock clock) {
        this.caller = caller;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case, if the caller works on it: its audit entries (read or refused) join the case's access log. */
    public CaseView caseOf(UUID caseId) {
        CaseView view = cases.require(caseId);
        audit.concerns(caseId, view.centerId);
        if (!worksOn(view)) {
            throw new NotFoundException("Case", caseId);
        }
        return view;
    }

    public Consent readableConsent(UUID consentId, Optional<Consent> consent) {
        return consent.filter(c -> cases.find(c.caseId).filter(view -> {
            audit.concerns(c.caseId, view.centerId);
            return worksOn(view);
        }).isPresent()).orElseThrow(() -> new NotFoundException("Consent", consentId));
    }

    /** The referral, if the center's caller may see it; otherwise the same 404 as for none. */
    public Referral readable(UUID referralId, Optional<Referral> referral) {
        return referral.filter(this::centerSees).orElseThrow(() -> new NotFoundException("Referral", referralId));
    }

    /** A referral with a case counts in the case's access log, refused or not (another center's attempt too). */
    private boolean centerSees(Referral referral) {
        if (referral.caseId == null) {
            return caller.belongsToCenter(referral.centerId) && referral.direction == ReferralDirection.INBOUND;
        }
        return cases.find(referral.caseId).filter(view -> {
            audit.concerns(referral.caseId, view.centerId);
            return worksOn(view);
        }).isPresent();
    }

    /**
     * The referral, if the calling agency may see it: its own, sent (never a draft, nor a draft the
     * center cancelled unsent), not closed 30 days ago. A referral with a case counts in the case's
     * access log, refused or not.
     */
    public Referral partnerReadable(UUID referralId, Optional<Referral> referral) {
        String agency = caller.requireAgency();
        referral.ifPresent(r -> audit.concerns(r.caseId, r.centerId));
        return referral.filter(r -> r.agencyId.equals(agency) && r.agencySees(clock.instant()))
                .orElseThrow(() -> new NotFoundException("Referral", referralId));
    }

    public boolean worksOn(CaseView view) {
        if (!caller.belongsToCenter(view.centerId)) {
            return false;
        }
        return caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.SUPPORTER) && view.hasMember(caller.userId());
    }

    public boolean seesWholeCenter() {
        return caller.hasRole(Roles.SUPERVISOR);
    }

    public CallerScope caller() {
        return caller;
    }
}
