package jp.tsunagu.cases.service;

import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counting native queries of the stats and the activity report: one number, or numbers by one key. */
final class NativeCounts {

    private final EntityManager em;

    NativeCounts(EntityManager em) {
        this.em = em;
    }

    /**
     * Timeline entries of a kind in the period ({@code :center}, {@code :start}, {@code :end}), counted by
     * one of their (enum) attributes; uses the index on (center_id, kind, occurred_at).
     */
    static String entriesBy(String kind, String attribute) {
        return "select attributes ->> '" + attribute + "', count(*) from timeline_entry where center_id = :center"
                + " and kind = '" + kind + "' and occurred_at >= :start and occurred_at < :end group by 1";
    }

    long count(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Rows of (key, count), as a map in the order the query answers them. */
    Map<String, Long> grouped(String sql, Map<String, Object> parameters) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows(sql, parameters).forEach(row -> counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
