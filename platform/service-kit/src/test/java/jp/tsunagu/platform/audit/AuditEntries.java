package jp.tsunagu.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.List;

/** The audit entries the tests look at, oldest first, read in a transaction of their own. */
final class AuditEntries {

    private AuditEntries() {
    }

    /** The entries whose {@code field} (an attribute of {@link AuditEntry}, e.g. {@code objectId}) holds {@code value}. */
    static List<AuditEntry> where(EntityManager em, String field, String value) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from AuditEntry e where e." + field + " = :value order by e.id", AuditEntry.class)
                .setParameter("value", value).getResultList());
    }
}
