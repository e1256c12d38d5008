package jp.tsunagu.platform.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.platform.audit.CaseObjects;

import java.util.Optional;
import java.util.UUID;

/** The test application's visits ({@code /test/visits/{id}}), each of a probe, which stands for a case. */
@ApplicationScoped
public class ProbeCaseObjects implements CaseObjects {

    private final EntityManager em;

    ProbeCaseObjects(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<CaseObject> named(String path) {
        return CaseObjects.idUnder("/test/visits", path).flatMap(id -> em
                .createNativeQuery("select probe_id from probe_visit where id = :id", UUID.class).setParameter("id", id)
                .getResultStream().findFirst().map(caseId -> new CaseObject(AuditObjectType.VISIT, id, (UUID) caseId)));
    }
}
