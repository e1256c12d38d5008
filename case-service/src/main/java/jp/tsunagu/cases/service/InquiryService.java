package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.HouseholdMember;
import jp.tsunagu.cases.domain.Inquiry;
import jp.tsunagu.cases.domain.Intake;
import jp.tsunagu.cases.domain.Subject;
import jp.tsunagu.cases.security.InquiryAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.time.Tokyo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Inquiries (問い合わせ) that are not (yet) a case: recorded and listed by the center's staff; one may become a case. */
@ApplicationScoped
@Transactional
public class InquiryService {

    /** A recorded inquiry, audited by its new id. */
    public record Recorded(Inquiry inquiry) implements Identified {
        @Override
        public Object id() {
            return inquiry.id;
        }
    }

    private final EntityManager em;
    private final InquiryAccess access;
    private final CaseService cases;
    private final Clock clock;

    InquiryService(EntityManager em, InquiryAccess access, CaseService cases, Clock clock) {
        this.em = em;
        this.access = access;
        this.cases = cases;
        this.clock = clock;
    }

    @Audited(action = "inquiry.record", objectType = "inquiry")
    public Recorded record(Inquiry.Facts facts) {
        Inquiry inquiry = Inquiry.record(access.center(), facts, access.caller().userId(), clock.instant());
        em.persist(inquiry);
        return new Recorded(inquiry);
    }

    @Audited(action = "inquiry.read", objectType = "inquiry")
    public Inquiry get(@AuditObjectId UUID inquiryId) {
        return access.readable(inquiryId);
    }

    /** The center's inquiries, newest first, optionally from and to Tokyo days (both included). */
    @Audited(action = "inquiry.list", objectType = "inquiry")
    public Page<Inquiry> list(Optional<LocalDate> from, Optional<LocalDate> to, PageRequest page) {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        StringBuilder jpql = new StringBuilder("from Inquiry i where i.centerId = :center");
        from.ifPresent(day -> jpql.append(" and i.occurredAt >= :from"));
        to.ifPresent(day -> jpql.append(" and i.occurredAt < :until"));
        page.after().ifPresent(cursor -> jpql.append(" and (i.occurredAt, i.id) < (:afterAt, :afterId)"));
        jpql.append(" order by i.occurredAt desc, i.id desc");
        TypedQuery<Inquiry> query = em.createQuery(jpql.toString(), Inquiry.class).setParameter("center", access.center());
        from.ifPresent(day -> query.setParameter("from", Tokyo.startOf(day)));
        to.ifPresent(day -> query.setParameter("until", Tokyo.startOf(day.plusDays(1))));
        page.after().ifPresent(cursor -> query.setParameter("afterAt", cursor.instant(0))
                .setParameter("afterId", cursor.uuid(1)));
        List<Inquiry> rows = query.setMaxResults(page.limit() + 1).getResultList();
        return page.page(rows, i -> Cursor.of(i.occurredAt, i.id));
    }

    /**
     * Opens a case from the inquiry, exactly as {@code POST /cases} opens one (same checks, warnings,
     * number and events), and links both ways; an inquiry becomes a case once (409 after).
     */
    @Audited(action = "inquiry.convert", objectType = "inquiry")
    public CaseService.Opened convert(@AuditObjectId UUID inquiryId, Intake intake, Subject subject,
                                      List<String> interests, List<HouseholdMember> household) {
        Inquiry inquiry = access.locked(inquiryId);
        inquiry.requireNoCase();
        CaseService.Opened opened = cases.open(intake, subject, interests, household, Optional.of(inquiry.id));
        inquiry.becameCase(opened.supportCase().id);
        return opened;
    }
}
