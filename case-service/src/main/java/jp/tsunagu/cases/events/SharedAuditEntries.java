package jp.tsunagu.cases.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.platform.audit.AuditTrail;

import java.util.List;

/**
 * The case's access log learns what other services audited on its objects (who read a visit's
 * notes, who was refused): each shared entry joins the case's own, once (the inbox's transaction).
 * An entry about a case this service does not have, or of another center, is not kept.
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
        if (!(data instanceof AuditRecorded shared)) {
            return;
        }
        // the case's center only: loading the case would read its JSON columns and keep a copy of
        // them for dirty checking, for every entry of every list another service shares
        List<String> center = em.createQuery("select c.centerId from SupportCase c where c.id = :id", String.class)
                .setParameter("id", shared.caseId())
                .getResultList();
        if (center.size() == 1 && center.get(0).equals(shared.centerId())) {
            audit.recordShared(shared);
        }
    }
}
