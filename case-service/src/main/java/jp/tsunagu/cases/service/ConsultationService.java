package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.Consultation;
import jp.tsunagu.cases.domain.ConsultationRevision;
import jp.tsunagu.cases.domain.ConsultationRules;
import jp.tsunagu.cases.domain.ConsultationSnapshot;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.events.CaseEvents;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Consultations (相談) of a case after intake: recorded, listed, read, corrected. Every record and
 * correction writes its timeline line and {@code case.consultation-recorded.v1} through the journal,
 * in its own transaction; a correction keeps the version before it.
 */
@ApplicationScoped
@Transactional
public class ConsultationService {

    /** The consultation as it is, and every earlier version of it, oldest first. */
    public record History(Consultation current, List<ConsultationRevision> earlier) {
    }

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;

    ConsultationService(EntityManager em, CaseAccess access, CaseJournal journal) {
        this.em = em;
        this.access = access;
        this.journal = journal;
    }

    @Audited(action = "case.consultation.record", objectType = "case")
    public Consultation record(@AuditObjectId UUID caseId, Consultation consultation) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        Instant now = Instant.now();
        String by = access.caller().userId();
        consultation.id = UUID.randomUUID();
        consultation.caseId = caseId;
        consultation.centerId = supportCase.centerId;
        consultation.version = 1;
        consultation.recordedAt = now;
        consultation.recordedBy = by;
        consultation.updatedAt = now;
        consultation.updatedBy = by;
        ConsultationRules.check(consultation, supportCase.intake.receivedAt(), now);
        em.persist(consultation);
        em.flush();
        journal.record(supportCase, TimelineKind.CONSULTATION_RECORDED, consultation.id, consultation.occurredAt, now,
                attributes(consultation), CaseEvents.consultationRecorded(supportCase, consultation));
        return consultation;
    }

    /** The case's consultations, the latest (by when they happened) first. */
    @Audited(action = "case.consultation.read", objectType = "case")
    public Page<Consultation> list(@AuditObjectId UUID caseId, PageRequest page) {
        access.readable(caseId);
        String after = page.after().isPresent() ? " and (c.occurredAt, c.id) < (:afterAt, :afterId)" : "";
        var query = em.createQuery("from Consultation c where c.caseId = :c" + after
                + " order by c.occurredAt desc, c.id desc", Consultation.class).setParameter("c", caseId);
        page.after().ifPresent(cursor -> query.setParameter("afterAt", cursor.instant(0))
                .setParameter("afterId", cursor.uuid(1)));
        List<Consultation> rows = query.setMaxResults(page.limit() + 1).getResultList();
        return page.page(rows, c -> Cursor.of(c.occurredAt, c.id));
    }

    @Audited(action = "case.consultation.read", objectType = "case")
    public Consultation get(@AuditObjectId UUID caseId, UUID consultationId) {
        access.readable(caseId);
        return find(caseId, consultationId);
    }

    /**
     * A correction: the version it changes must be current; {@code change} gets the consultation as
     * it is and changes it. A correction that changes nothing is no new version.
     */
    @Audited(action = "case.consultation.correct", objectType = "case")
    public Consultation correct(@AuditObjectId UUID caseId, UUID consultationId, long expectedVersion,
                                Consumer<Consultation> change) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        Consultation consultation = find(caseId, consultationId);
        Versions.check(expectedVersion, consultation.version);
        ConsultationSnapshot before = ConsultationSnapshot.of(consultation);
        change.accept(consultation);
        if (ConsultationSnapshot.of(consultation).equals(before)) {
            return consultation;
        }
        Instant now = Instant.now();
        String by = access.caller().userId();
        ConsultationRules.check(consultation, supportCase.intake.receivedAt(), now);
        consultation.updatedAt = now;
        consultation.updatedBy = by;
        em.persist(ConsultationRevision.of(before, now, by));
        em.flush();
        journal.record(supportCase, TimelineKind.CONSULTATION_CORRECTED, consultation.id, now, attributes(consultation),
                CaseEvents.consultationRecorded(supportCase, consultation));
        return consultation;
    }

    /** Earlier versions hold the notes as they were: staff only. */
    @Audited(action = "case.consultation.revisions.read", objectType = "case")
    public History revisions(@AuditObjectId UUID caseId, UUID consultationId) {
        access.readable(caseId);
        access.requireSensitive();
        Consultation current = find(caseId, consultationId);
        return new History(current, em.createQuery("from ConsultationRevision r where r.key.consultationId = :id"
                + " order by r.key.version", ConsultationRevision.class).setParameter("id", consultationId).getResultList());
    }

    /** The consultation, if it is one of this case's; any other answers as a missing one. */
    private Consultation find(UUID caseId, UUID consultationId) {
        Consultation consultation = em.find(Consultation.class, consultationId);
        if (consultation == null || !consultation.caseId.equals(caseId)) {
            throw new NotFoundException("Consultation", consultationId);
        }
        return consultation;
    }

    /** Enums and the revision only: what was said stays in the consultation. */
    private static Map<String, Object> attributes(Consultation consultation) {
        return Map.of("channel", consultation.channel.name(), "with", consultation.consultedWith.name(),
                "revision", consultation.version);
    }
}
