package jp.tsunagu.visits.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.platform.audit.CaseObjects;

import java.util.Optional;
import java.util.UUID;

/**
 * The case of the visit a path names ({@code /api/v1/visits/{id}} and below it), from the visit
 * table: a request refused by role there joins that case's access log. One select by primary key.
 */
@ApplicationScoped
public class VisitCaseObjects implements CaseObjects {

    static final String VISITS = "/api/v1/visits";

    private final EntityManager em;

    VisitCaseObjects(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseObject> named(String path) {
        return CaseObjects.idUnder(VISITS, path).flatMap(id -> em
                .createQuery("select v.caseId from Visit v where v.id = :id", UUID.class).setParameter("id", id)
                .getResultStream().findFirst().map(caseId -> new CaseObject(AuditObjectType.VISIT, id, caseId)));
    }
}
