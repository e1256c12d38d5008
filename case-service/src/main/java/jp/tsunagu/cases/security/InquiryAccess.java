package jp.tsunagu.cases.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jp.tsunagu.cases.domain.Inquiry;
import jp.tsunagu.platform.problem.ForbiddenException;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.security.Roles;

import java.util.UUID;

/**
 * Who may see which inquiry (問い合わせ): the supporters and supervisors of its center, no one
 * else. Another center's inquiry is a 404, exactly like one that does not exist.
 */
@ApplicationScoped
public class InquiryAccess {

    private final CallerScope caller;
    private final EntityManager em;

    InquiryAccess(CallerScope caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    /** The inquiry, if the caller may see it. */
    public Inquiry readable(UUID inquiryId) {
        return visible(inquiryId, em.find(Inquiry.class, inquiryId));
    }

    /** The inquiry, locked until the transaction ends, if the caller may see it: for turning it into a case once. */
    public Inquiry locked(UUID inquiryId) {
        return visible(inquiryId, em.find(Inquiry.class, inquiryId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The center whose inquiries the caller records and reads. */
    public String center() {
        requireStaff();
        return caller.requireCenter();
    }

    public CallerScope caller() {
        return caller;
    }

    private Inquiry visible(UUID inquiryId, Inquiry found) {
        requireStaff();
        if (found == null || !caller.belongsToCenter(found.centerId)) {
            throw new NotFoundException("Inquiry", inquiryId);
        }
        return found;
    }

    private void requireStaff() {
        if (!caller.hasAnyRole(Roles.SUPPORTER, Roles.SUPERVISOR)) {
            throw new ForbiddenException("Only the center's supporters and supervisors handle inquiries");
        }
    }
}
