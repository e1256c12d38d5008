package jp.tsunagu.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.caseview.TeamDepartures;

/**
 * Whoever leaves a case's team loses sight of its visits: the departure is written on the visits'
 * change clock, so that their delta feed answers tombstones for those visits. Called in the
 * transaction that applies the team change to the case view.
 */
@ApplicationScoped
public class DepartureLog {

    private final EntityManager em;

    DepartureLog(EntityManager em) {
        this.em = em;
    }

    void record(@Observes TeamDepartures departures) {
        departures.userIds().forEach(userId -> em.createNativeQuery(
                        "insert into case_view_departure (case_id, user_id, change_seq) values (:c, :u, nextval('visit_change_seq'))")
                .setParameter("c", departures.caseId()).setParameter("u", userId).executeUpdate());
    }
}
