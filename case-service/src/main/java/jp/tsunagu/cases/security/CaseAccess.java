package jp.tsunagu.cases.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.platform.problem.ForbiddenException;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.security.Roles;

import java.util.UUID;

/**
 * Who may see and change which case. A case is visible only within its center: to its
 * supervisors, and to supporters and peer supporters on its team. Anything else is a 404, exactly
 * like a case that does not exist. Peers see a reduced view and change nothing here.
 */
@ApplicationScoped
public class CaseAccess {

    private final CallerScope caller;
    private final EntityManager em;

    CaseAccess(CallerScope caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    /** The case, if the caller may see it. */
    public SupportCase readable(UUID caseId) {
        SupportCase found = em.find(SupportCase.class, caseId);
        if (found == null || !maySee(found)) {
            throw new NotFoundException("Case", caseId);
        }
        return found;
    }

    /** The case, if the caller may change it (supporters on the team, supervisors of the center). */
    public SupportCase writable(UUID caseId) {
        SupportCase found = readable(caseId);
        if (!caller.hasAnyRole(Roles.SUPPORTER, Roles.SUPERVISOR)) {
            throw new ForbiddenException("Your role does not change cases");
        }
        return found;
    }

    /** Only supervisors of the case's center (closing, assigning the team). */
    public SupportCase supervised(UUID caseId) {
        SupportCase found = readable(caseId);
        if (!caller.hasRole(Roles.SUPERVISOR)) {
            throw new ForbiddenException("Only a supervisor may do this");
        }
        return found;
    }

    public boolean maySee(SupportCase supportCase) {
        if (!caller.belongsToCenter(supportCase.centerId)) {
            return false;
        }
        if (caller.hasRole(Roles.SUPERVISOR)) {
            return true;
        }
        return caller.hasAnyRole(Roles.SUPPORTER, Roles.PEER_SUPPORTER) && isOnTeam(supportCase.id);
    }

    /**
     * Whether the caller sees assessments, crisis detail, plan text and free text. Peer supporters
     * do not (unless they also hold a staff role).
     */
    public boolean seesSensitive() {
        return caller.hasAnyRole(Roles.SUPPORTER, Roles.SUPERVISOR);
    }

    public void requireSensitive() {
        if (!seesSensitive()) {
            throw new ForbiddenException("Your role does not see this part of a case");
        }
    }

    public boolean isOnTeam(UUID caseId) {
        return !em.createQuery("select 1 from TeamMember m where m.key.caseId = :c and m.userId = :u")
                .setParameter("c", caseId).setParameter("u", caller.userId())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Lists of cases: the center, and unless supervisor, the caller's team memberships. */
    public boolean seesWholeCenter() {
        return caller.hasRole(Roles.SUPERVISOR);
    }

    public CallerScope caller() {
        return caller;
    }
}
