package jp.tsunagu.cases.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.platform.audit.AuditTrail;

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
        SupportCase supportCase = em.find(SupportCase.class, shared.caseId());
        if (supportCase != null && supportCase.centerId.equals(shared.centerId())) {
            audit.recordShared(shared);
        }
    }
}
