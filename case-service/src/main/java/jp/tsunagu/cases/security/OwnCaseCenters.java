package jp.tsunagu.cases.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.audit.CaseCenters;

import java.util.Optional;
import java.util.UUID;

/** The center of each of this service's own cases: a request refused by role joins the access log of the case it names. */
@ApplicationScoped
public class OwnCaseCenters implements CaseCenters {

    private final EntityManager em;

    OwnCaseCenters(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> centerOf(UUID caseId) {
        return em.createQuery("select c.centerId from SupportCase c where c.id = :id", String.class)
                .setParameter("id", caseId).getResultStream().findFirst();
    }
}
