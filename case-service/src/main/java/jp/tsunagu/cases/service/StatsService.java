package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.time.Tokyo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * De-identified counts of a center for a period: only numbers by enum, never a case, a name or
 * a date of a person. Visits and referrals are counted from the events the case-service learned.
 */
@ApplicationScoped
@Transactional
public class StatsService {

    public record Stats(LocalDate from, LocalDate to, long newCases, Map<String, Long> openCasesByPhase,
                        Map<String, Long> visitsByOutcome, long crises, Map<String, Long> referralsByAgencyKind,
                        Map<String, Long> homeVisitEndingsByReason, long closures) {
    }

    private final EntityManager em;
    private final CallerScope caller;

    StatsService(EntityManager em, CallerScope caller) {
        this.em = em;
        this.caller = caller;
    }

    /** {@code to} is inclusive; days are Tokyo days. */
    @Audited(action = "stats.read", objectType = "center")
    public Stats forPeriod(LocalDate from, LocalDate to) {
        Map<String, Object> center = Map.of("center", caller.requireCenter());
        Map<String, Object> period = Map.of("center", caller.requireCenter(),
                "start", Tokyo.startOf(from), "end", Tokyo.startOf(to.plusDays(1)));
        return new Stats(from, to,
                count("select count(*) from support_case where center_id = :center and opened_at >= :start and opened_at < :end", period),
                grouped("select phase, count(*) from support_case where center_id = :center and status = 'OPEN' group by phase", center),
                grouped(entriesBy("VISIT_RECORDED", "outcome"), period),
                count("select count(*) from timeline_entry where center_id = :center and kind = 'CRISIS_REPORTED'"
                        + " and occurred_at >= :start and occurred_at < :end", period),
                grouped(entriesBy("REFERRAL_REQUESTED", "agencyKind"), period),
                grouped(entriesBy("HOME_VISITS_ENDED", "reason"), period),
                count("select count(*) from timeline_entry where center_id = :center and kind = 'CASE_CLOSED'"
                        + " and occurred_at >= :start and occurred_at < :end", period));
    }

    /** Timeline entries of a kind in the period, counted by one of their (enum) attributes. */
    private static String entriesBy(String kind, String attribute) {
        return "select attributes ->> '" + attribute + "', count(*) from timeline_entry where center_id = :center"
                + " and kind = '" + kind + "' and occurred_at >= :start and occurred_at < :end group by 1";
    }

    private long count(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private Map<String, Long> grouped(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
        return counts;
    }
}
