package jp.tsunagu.visits.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.platform.audit.AuditScope;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.visits.domain.Visit;
import jp.tsunagu.visits.security.VisitAccess;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists of visits the caller may see: filtered lists, the delta feed, and the caller's schedule.
 * Each read is audited, in a transaction of its own.
 */
@ApplicationScoped
@Transactional
public class VisitQueries {

    /** The filters of GET /visits. */
    public record Filter(Optional<UUID> caseId, boolean mineOnly, Optional<Instant> from, Optional<Instant> to,
                         Optional<VisitStatus> status) {
    }

    /** One change: a visit now visible, or (without one) the tombstone of a visit no longer visible. */
    public record Change(long seq, UUID visitId, Optional<Visit> visible) {
    }

    public record Changes(List<Change> changes, long until, boolean more) {
    }

    private final EntityManager em;
    private final VisitAccess access;
    private final ObjectMapper json;
    private final AuditScope audit;

    VisitQueries(EntityManager em, VisitAccess access, ObjectMapper json, AuditScope audit) {
        this.em = em;
        this.access = access;
        this.json = json;
        this.audit = audit;
    }

    @Audited(action = "visit.list", objectType = "visit")
    public Page<Visit> list(Filter filter, PageRequest page) {
        filter.caseId().ifPresent(access::readable);
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = visible(parameters);
        filter.caseId().ifPresent(id -> {
            sql.append(" and v.case_id = :caseId");
            parameters.put("caseId", id);
        });
        if (filter.mineOnly()) {
            sql.append(" and v.visitors @> cast(:visitor as jsonb)");
            parameters.put("visitor", visitorJson());
        }
        filter.from().ifPresent(from -> {
            sql.append(" and v.occurred_at >= :from");
            parameters.put("from", from);
        });
        filter.to().ifPresent(to -> {
            sql.append(" and v.occurred_at < :to");
            parameters.put("to", to);
        });
        filter.status().ifPresent(status -> {
            sql.append(" and v.status = :status");
            parameters.put("status", status.name());
        });
        page.after().ifPresent(cursor -> {
            sql.append(" and (v.occurred_at, v.id) < (:afterAt, :afterId)");
            parameters.put("afterAt", cursor.instant(0));
            parameters.put("afterId", cursor.uuid(1));
        });
        sql.append(" order by v.occurred_at desc, v.id desc");
        Page<Visit> found = page.page(run(sql, parameters, page.limit() + 1), v -> Cursor.of(v.occurredAt, v.id));
        found.items().forEach(this::answered);
        return found;
    }

    /** The caller's upcoming visits (scheduled, with the caller among the visitors), soonest first. */
    @Audited(action = "visit.schedule.read", objectType = "visit")
    public List<Visit> schedule(Instant from, Instant to) {
        Map<String, Object> parameters = new HashMap<>(Map.of("visitor", visitorJson(), "from", from, "to", to));
        StringBuilder sql = visible(parameters).append(" and v.status = 'SCHEDULED' and v.visitors @> cast(:visitor as jsonb)"
                + " and v.occurred_at >= :from and v.occurred_at < :to order by v.occurred_at, v.id");
        List<Visit> found = run(sql, parameters, 500);
        found.forEach(this::answered);
        return found;
    }

    /**
     * Visits the caller may see that changed after the given point of the change clock, and
     * tombstones for the visits of cases whose team the caller has left since.
     */
    @Audited(action = "visit.changes.read", objectType = "visit")
    public Changes changes(long since, int limit) {
        List<Change> changes = new ArrayList<>();
        changedSince(since, limit + 1).forEach(v -> changes.add(new Change(v.changeSeq, v.id, Optional.of(v))));
        if (!access.seesWholeCenter()) {
            @SuppressWarnings("unchecked")
            List<Object[]> gone = em.createNativeQuery(
                            "select v.id, d.change_seq from case_view_departure d join visit v on v.case_id = d.case_id"
                                    + " where d.user_id = :me and d.change_seq > :since and v.center_id = :center"
                                    + " and not exists (select 1 from case_scope_member m where m.case_id = d.case_id"
                                    + " and m.user_id = :me) order by d.change_seq, v.id")
                    .setParameter("me", access.caller().userId()).setParameter("since", since)
                    .setParameter("center", access.caller().requireCenter()).setMaxResults(limit + 1).getResultList();
            gone.forEach(row -> changes.add(new Change(((Number) row[1]).longValue(), (UUID) row[0], Optional.empty())));
        }
        changes.sort(Comparator.comparingLong(Change::seq));
        boolean more = changes.size() > limit;
        List<Change> page = more ? changes.subList(0, limit) : changes;
        page.forEach(change -> change.visible().ifPresent(this::answered));
        return new Changes(List.copyOf(page), page.isEmpty() ? since : page.get(page.size() - 1).seq(), more);
    }

    /**
     * The first visits the caller may see that changed after {@code since}, in change order. A
     * supervisor's come from the center's change index. A team member's page is chosen among the
     * member's cases from the index alone (visit_case_change: a few thousand entries at most for
     * a full caseload), and only its rows are read: walking the center's changes and checking
     * each row's team reads a whole prefecture's history for one supporter's page.
     */
    private List<Visit> changedSince(long since, int limit) {
        Map<String, Object> parameters = new HashMap<>(Map.of("since", since));
        if (access.seesWholeCenter()) {
            return run(visible(parameters).append(" and v.change_seq > :since order by v.change_seq"), parameters, limit);
        }
        parameters.putAll(Map.of("center", access.caller().requireCenter(), "me", access.caller().userId(), "page", limit));
        StringBuilder sql = new StringBuilder("select v.* from visit v where v.id in (select c.id from case_scope_member m"
                + " join visit c on c.case_id = m.case_id where m.user_id = :me and c.center_id = :center"
                + " and c.change_seq > :since order by c.change_seq limit :page) order by v.change_seq");
        return run(sql, parameters, limit);
    }

    /** A visit answered is a read of its case: the audit entry of the list goes to that case's access log too. */
    private void answered(Visit visit) {
        audit.concerns(visit.caseId, visit.centerId);
    }

    /** The caller's center, and unless supervisor, the cases whose team the caller is on. */
    private StringBuilder visible(Map<String, Object> parameters) {
        parameters.put("center", access.caller().requireCenter());
        StringBuilder sql = new StringBuilder("select v.* from visit v where v.center_id = :center");
        if (!access.seesWholeCenter()) {
            sql.append(" and exists (select 1 from case_scope_member m where m.case_id = v.case_id and m.user_id = :me)");
            parameters.put("me", access.caller().userId());
        }
        return sql;
    }

    @SuppressWarnings("unchecked")
    private List<Visit> run(StringBuilder sql, Map<String, Object> parameters, int limit) {
        // read-only: a page is answered, never changed; no copy of its JSON columns is kept for dirty checking
        var query = em.createNativeQuery(sql.toString(), Visit.class).setHint(HibernateHints.HINT_READ_ONLY, true);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    private String visitorJson() {
        try {
            return json.writeValueAsString(List.of(Map.of("userId", access.caller().userId())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
