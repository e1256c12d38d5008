package jp.tsunagu.referrals.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.platform.audit.CaseObjects;

import java.util.Optional;
import java.util.UUID;

/**
 * The case of the referral or consent a path names, from their own tables: a request refused by
 * role there (a partner agency on the center's paths, center staff or a center system on the
 * partner API, a peer on a consent) joins that case's access log. An inbound referral without a
 * case yet joins none. One select by primary key.
 */
@ApplicationScoped
public class ReferralCaseObjects implements CaseObjects {

    static final String REFERRALS = "/api/v1/referrals";
    static final String PARTNER_REFERRALS = "/api/v1/partner/referrals";
    static final String CONSENTS = "/api/v1/consents";

    private final EntityManager em;

    ReferralCaseObjects(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseObject> named(String path) {
        Optional<UUID> referral = CaseObjects.idUnder(REFERRALS, path).or(() -> CaseObjects.idUnder(PARTNER_REFERRALS, path));
        if (referral.isPresent()) {
            return referral.flatMap(id -> caseOf("Referral", id).map(caseId -> new CaseObject(AuditObjectType.REFERRAL, id, caseId)));
        }
        return CaseObjects.idUnder(CONSENTS, path)
                .flatMap(id -> caseOf("Consent", id).map(caseId -> new CaseObject(AuditObjectType.CONSENT, id, caseId)));
    }

    private Optional<UUID> caseOf(String entity, UUID id) {
        return em.createQuery("select o.caseId from " + entity + " o where o.id = :id and o.caseId is not null", UUID.class)
                .setParameter("id", id).getResultStream().findFirst();
    }
}
