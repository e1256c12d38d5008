package jp.tsunagu.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.visits.domain.Visit;
import jp.tsunagu.visits.domain.VisitRevision;
import jp.tsunagu.visits.domain.VisitRules;
import jp.tsunagu.visits.domain.VisitSnapshot;
import jp.tsunagu.visits.events.VisitEvents;
import jp.tsunagu.visits.security.VisitAccess;
import jp.tsunagu.visits.security.VisitorDirectory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Recording, scheduling, reading and correcting visits. A client-made id makes recording idempotent
 * for offline clients: the same id and request answer the visit already recorded, even when retries
 * race; the same id with another request is a conflict. Every change keeps the cadence current
 * and publishes its event through the outbox, in the transaction of the change and its audit entry.
 */
@ApplicationScoped
@Transactional
public class VisitService {

    /** The visit, and whether this call created it (false: a retry answered with the existing one). */
    public record Recorded(Visit visit, boolean created) implements Identified {
        @Override
        public Object id() {
            return visit.id;
        }
    }

    /** The visit as it is, and every earlier version of it, oldest first. */
    public record History(Visit current, List<VisitRevision> earlier) {
    }

    private final EntityManager em;
    private final VisitAccess access;
    private final CadenceService cadence;
    private final Outbox outbox;
    private final VisitHistory history;
    private final VisitorDirectory visitors;

    VisitService(EntityManager em, VisitAccess access, CadenceService cadence, Outbox outbox, VisitHistory history,
                 VisitorDirectory visitors) {
        this.em = em;
        this.access = access;
        this.cadence = cadence;
        this.outbox = outbox;
        this.history = history;
        this.visitors = visitors;
    }

    /**
     * Records the visit, or answers the one already recorded with its id. Retries of one id wait
     * here for each other (a lock on the id until commit), so the first creates and the rest find it.
     */
    @Audited(action = "visit.record", objectType = "visit")
    public Recorded record(Visit proposed) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('visit'), hashtext(cast(:id as text)))")
                .setParameter("id", proposed.id.toString()).getSingleResult();
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
        visitors.requireUsersOf(view.centerId, proposed.visitors, List.of());
        em.persist(proposed);
        em.flush();
        cadence.refresh(view);
        publish(proposed);
        return new Recorded(proposed, true);
    }

    @Audited(action = "visit.read", objectType = "visit")
    public Visit get(@AuditObjectId UUID visitId) {
        return find(visitId);
    }

    @Audited(action = "visit.revisions.read", objectType = "visit")
    public History revisions(@AuditObjectId UUID visitId) {
        Visit current = find(visitId);
        return new History(current, history.earlier(visitId));
    }

    /**
     * A correction: the version it changes must be current; {@code change} gets the visit as it is
     * and changes it; the version before is kept readable.
     */
    @Audited(action = "visit.correct", objectType = "visit")
    public Visit correct(@AuditObjectId UUID visitId, long expectedVersion, Consumer<Visit> change) {
        Visit visit = access.mayCorrect(find(visitId));
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
        visitors.requireUsersOf(visit.centerId, visit.visitors, before.visitors());
        em.flush();
        cadence.refresh(access.readable(visit.caseId));
        publish(visit);
        return visit;
    }

    /** The visit, if the caller may see it; a visit they may not see answers exactly as a missing one. */
    private Visit find(UUID visitId) {
        return access.readable(visitId, Optional.ofNullable(em.find(Visit.class, visitId)));
    }

    private void publish(Visit visit) {
        outbox.append(visit.status == VisitStatus.SCHEDULED
                ? VisitEvents.scheduled(visit, access.caller().userId()) : VisitEvents.recorded(visit));
    }
}
