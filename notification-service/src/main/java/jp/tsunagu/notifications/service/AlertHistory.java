package jp.tsunagu.notifications.service;

import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.time.Timestamps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A crisis alert's history: raised, each escalation, the acknowledgement, in order (table crisis_alert_step). */
public final class AlertHistory {

    public enum What { RAISED, ESCALATED, ACKNOWLEDGED }

    /** One step: what, when, who acknowledged (acknowledgement only), how many were told. */
    public record Step(int stepNo, What what, Instant at, String actor, int recipients) {
    }

    private AlertHistory() {
    }

    static void record(EntityManager em, UUID alertId, What what, Instant at, String actor, int recipients) {
        em.createNativeQuery("""
                        insert into crisis_alert_step (alert_id, step_no, what, at, actor, recipients)
                        values (:alert, (select coalesce(max(step_no), 0) + 1 from crisis_alert_step where alert_id = :alert),
                                :what, :at, :actor, :recipients)""")
                .setParameter("alert", alertId).setParameter("what", what.name()).setParameter("at", at)
                .setParameter("actor", actor).setParameter("recipients", recipients).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public static List<Step> of(EntityManager em, UUID alertId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select step_no, what, at, actor, recipients from crisis_alert_step
                        where alert_id = :alert order by step_no""")
                .setParameter("alert", alertId).getResultList();
        return rows.stream().map(r -> new Step(((Number) r[0]).intValue(), What.valueOf((String) r[1]),
                Timestamps.instant(r[2]), (String) r[3], ((Number) r[4]).intValue())).toList();
    }
}
