package jp.tsunagu.visits.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.visits.domain.Visit;
import jp.tsunagu.visits.domain.VisitRules;
import jp.tsunagu.visits.domain.VisitSnapshot;
import jp.tsunagu.visits.events.VisitEvents;
import jp.tsunagu.visits.security.VisitAccess;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Recording, scheduling and correcting visits. A client-made id makes recording idempotent for
 * offline clients: the same id and request answer the visit already recorded, even when retries
 * race; the same id with another request is a conflict. Every change keeps the cadence current
 * and publishes its event through the outbox.
 */
@ApplicationScoped
public class VisitService {

    /** The visit, and whether this call created it (false: a retry answered with the existing one). */
    public record Recorded(Visit visit, boolean created) {
    }

    private final EntityManager em;
    private final VisitAccess access;
    private final CadenceService cadence;
    private final Outbox outbox;
    private final VisitHistory history;

    VisitService(EntityManager em, VisitAccess access, CadenceService cadence, Outbox outbox, VisitHistory history) {
        this.em = em;
        this.access = access;
        this.cadence = cadence;
        this.outbox = outbox;
        this.history = history;
    }

    public Recorded record(Visit proposed) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> recordOnce(proposed));
        } catch (PersistenceException raced) {
            // a concurrent retry with the same id won the insert: answer as a retry would
            return QuarkusTransaction.requiringNew().call(() -> recordOnce(proposed));
        }
    }

    private Recorded recordOnce(Visit proposed) {
        // the case named in the request first: an id already taken says nothing of the visit holding it
        CaseView view = access.mayRecord(proposed.caseId, proposed.visitors);
        Visit existing = em.find(Visit.class, proposed.id);
        if (existing != null) {
            if (!existing.requestHash.equals(proposed.requestHash)) {
                throw new ConflictException("A different visit was already recorded with this id");
            }
            return new Recorded(existing, false);
        }
        if (!view.isOpen()) {
            throw new ConflictException("The case is closed");
        }
        Instant now = Instant.now();
        proposed.centerId = view.centerId;
        proposed.receivedAt = now;
        proposed.updatedAt = now;
        proposed.recordedBy = access.caller().userId();
        VisitRules.check(proposed, now);
        em.persist(proposed);
        em.flush();
        cadence.refresh(view);
        publish(proposed);
        return new Recorded(proposed, true);
    }

    @Transactional
    public Visit get(UUID visitId) {
        return access.readable(visitId, Optional.ofNullable(em.find(Visit.class, visitId)));
    }

    /** A correction: the version it changes must be current; the version before is kept readable. */
    @Transactional
    public Visit correct(UUID visitId, long expectedVersion, Consumer<Visit> change) {
        Visit visit = access.mayCorrect(get(visitId));
        Versions.check(expectedVersion, visit.version);
        VisitSnapshot before = VisitSnapshot.of(visit);
        change.accept(visit);
        if (VisitSnapshot.of(visit).equals(before)) {
            return visit; // a correction that changes nothing is no new version
        }
        history.keep(before);
        Instant now = Instant.now();
        visit.updatedAt = now;
        VisitRules.check(visit, now);
        em.flush();
        cadence.refresh(access.readable(visit.caseId));
        publish(visit);
        return visit;
    }

    private void publish(Visit visit) {
        outbox.append(visit.status == VisitStatus.SCHEDULED
                ? VisitEvents.scheduled(visit, access.caller().userId()) : VisitEvents.recorded(visit));
    }
}
