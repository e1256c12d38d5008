package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.security.CallerScope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delta feed for offline clients: cases the caller may see that changed after a point of the
 * change clock, and tombstones for cases they lost sight of (left the team), in clock order.
 */
@ApplicationScoped
@Transactional
public class ChangeFeed {

    /** One change: a case now visible, or (without a case) a tombstone. */
    public record Change(long seq, UUID caseId, Optional<SupportCase> visible) {
    }

    public record Changes(List<Change> changes, long until, boolean more) {
    }

    private final EntityManager em;
    private final CaseAccess access;

    ChangeFeed(EntityManager em, CaseAccess access) {
        this.em = em;
        this.access = access;
    }

    @Audited(action = "case.changes.read", objectType = "case")
    public Changes since(long since, int limit) {
        CallerScope caller = access.caller();
        boolean wholeCenter = access.seesWholeCenter();
        var query = em.createQuery("from SupportCase c where c.centerId = :center and c.changeSeq > :since"
                        + (wholeCenter ? "" : " and exists (select 1 from TeamMember m where m.key.caseId = c.id and m.userId = :me)")
                        + " order by c.changeSeq", SupportCase.class)
                .setParameter("center", caller.requireCenter()).setParameter("since", since);
        if (!wholeCenter) {
            query.setParameter("me", caller.userId());
        }
        List<SupportCase> cases = query.setMaxResults(limit + 1).getResultList();
        List<Change> changes = new ArrayList<>();
        cases.forEach(c -> changes.add(new Change(c.changeSeq, c.id, Optional.of(c))));
        if (!wholeCenter) {
            @SuppressWarnings("unchecked")
            List<Object[]> departures = em.createNativeQuery("""
                            select d.case_id, max(d.change_seq) from team_departure d
                            join support_case c on c.id = d.case_id and c.center_id = :center
                            where d.user_id = :me and d.change_seq > :since
                            and not exists (select 1 from team_member m where m.case_id = d.case_id and m.user_id = :me)
                            group by d.case_id order by 2 limit :limit""")
                    .setParameter("center", caller.requireCenter()).setParameter("me", caller.userId())
                    .setParameter("since", since).setParameter("limit", limit + 1).getResultList();
            departures.forEach(row -> changes.add(
                    new Change(((Number) row[1]).longValue(), (UUID) row[0], Optional.empty())));
        }
        changes.sort(Comparator.comparingLong(Change::seq));
        boolean more = changes.size() > limit;
        List<Change> page = more ? changes.subList(0, limit) : changes;
        long until = page.isEmpty() ? since : page.get(page.size() - 1).seq();
        return new Changes(List.copyOf(page), until, more);
    }
}
