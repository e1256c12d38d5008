package jp.tsunagu.cases.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.events.audit.AuditRecordedOnCases;
import jp.tsunagu.platform.audit.AuditTrail;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The cases' access logs learn what other services audited on their objects (who read a visit's
 * notes, who listed referrals, who was refused): a shared entry joins the log of each case it
 * names, once, all in the inbox's one transaction (two statements, however many cases it names). A case this service does not have, or of
 * another center than the entry says, is not given the entry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SharedAuditEntries {

    private final EntityManager em;
    private final AuditTrail audit;

    SharedAuditEntries(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    public void keep(EventData data) {
        AuditRecordedOnCases shared = switch (data) {
            case AuditRecordedOnCases onCases -> onCases;
            case AuditRecorded oneCase -> AuditRecordedOnCases.of(oneCase); // written before v2, still read
            default -> null;
        };
        if (shared == null) {
            return;
        }
        // the cases' ids only: loading the cases would read their JSON columns and keep a copy of
        // them for dirty checking, for every case of every list another service shares
        Set<UUID> ofTheCenter = new HashSet<>(em.createQuery("""
                        select c.id from SupportCase c where c.id in :ids and c.centerId = :center""", UUID.class)
                .setParameter("ids", shared.caseIds())
                .setParameter("center", shared.centerId())
                .getResultList());
        audit.recordShared(shared, shared.caseIds().stream().filter(ofTheCenter::contains).toList());
    }
}
