package jp.tsunagu.visits.security;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.platform.audit.AuditScope;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.caseview.CaseViewStore;
import jp.tsunagu.platform.problem.ForbiddenException;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.visits.domain.Visit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and record which visits, decided on the service's own case view: supervisors of the
 * case's center, supporters and peers on its team. Peers record only visits they were on, and do
 * not see the observations and notes of visits they were not on. Anything else is a 404, and a
 * visit the caller may not see answers exactly as one that does not exist (never naming its case).
 */
@ApplicationScoped
public class VisitAccess {

    private final CallerScope caller;
    private final CaseViewStore cases;
    private final AuditScope audit;

    VisitAccess(CallerScope caller, CaseViewStore cases, AuditScope audit) {
        this.caller = caller;
        this.cases = cases;
        this.audit = audit;
    }

    /** The case, if the caller may see it; its audit entries (read or refused) belong to the case's access log. */
    public CaseView readable(UUID caseId) {
        CaseView view = cases.require(caseId);
        audit.concerns(caseId, view.centerId);
        if (!maySee(view)) {
            throw new NotFoundException("Case", caseId);
        }
        return view;
    }

    /** The visit, if the caller may see it; otherwise the same 404 as for a visit that does not exist. */
    public Visit readable(UUID visitId, Optional<Visit> visit) {
        return visit.filter(v -> cases.find(v.caseId).filter(view -> {
                    audit.concerns(v.caseId, view.centerId);
                    return maySee(view);
                }).isPresent())
                .orElseThrow(() -> new NotFoundException("Visit", visitId));
    }

    public boolean maySee(CaseView view) {
        if (!caller.belongsToCenter(view.centerId)) {
            return false;
        }
        return caller.hasRole(Roles.SUPERVISOR)
                || caller.hasAnyRole(Roles.SUPPORTER, Roles.PEER_SUPPORTER) && view.hasMember(caller.userId());
    }

    /** The case, if the caller may record this visit on it: staff of the case, or a peer who was there. */
    public CaseView mayRecord(UUID caseId, List<Visitor> visitors) {
        CaseView view = readable(caseId);
        if (!isStaff() && visitors.stream().noneMatch(v -> v.userId().equals(caller.userId()))) {
            throw new ForbiddenException("Peer supporters record the visits they were on");
        }
        return view;
    }

    /** The case, if the caller may plan its visits (staff only). */
    public CaseView mayPlan(UUID caseId) {
        CaseView view = readable(caseId);
        if (!isStaff()) {
            throw new ForbiddenException("Only staff plan visits");
        }
        return view;
    }

    public Visit mayCorrect(Visit visit) {
        readable(visit.caseId);
        if (!isStaff() && !visit.hasVisitor(caller.userId())) {
            throw new ForbiddenException("Peer supporters correct the visits they were on");
        }
        return visit;
    }

    /** Observations and notes: staff always, peers only of the visits they were on. */
    public boolean seesNotesOf(Visit visit) {
        return isStaff() || visit.hasVisitor(caller.userId());
    }

    public boolean isStaff() {
        return caller.hasAnyRole(Roles.SUPPORTER, Roles.SUPERVISOR);
    }

    public boolean seesWholeCenter() {
        return caller.hasRole(Roles.SUPERVISOR);
    }

    public CallerScope caller() {
        return caller;
    }
}
