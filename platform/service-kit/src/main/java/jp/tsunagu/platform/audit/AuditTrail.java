package jp.tsunagu.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.http.RequestIds;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.CallerScope;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** Writes and reads the audit trail. Entries are only ever inserted (the database refuses the rest). */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final CallerScope caller;
    private final CurrentVertxRequest http;

    AuditTrail(EntityManager em, CallerScope caller, CurrentVertxRequest http) {
        this.em = em;
        this.caller = caller;
        this.http = http;
    }

    /** Records an act of the current caller within the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String objectType, Object objectId, AuditOutcome outcome) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now();
        entry.actorId = caller.userId();
        entry.actorRoles = String.join(",", new TreeSet<>(caller.roles()));
        entry.centerId = caller.centerId().orElse(null);
        entry.agencyId = caller.agencyId().orElse(null);
        entry.action = action;
        entry.objectType = objectType;
        entry.objectId = objectId == null ? null : objectId.toString();
        entry.outcome = outcome;
        HttpServerRequest request = http.getCurrent() == null ? null : http.getCurrent().request();
        if (request != null) {
            entry.requestId = RequestIds.of(request);
            entry.remoteAddress = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        }
        em.persist(entry);
    }

    /** Records in a transaction of its own: for acts that were refused and rolled back. */
    public void recordApart(String action, String objectType, Object objectId, AuditOutcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> record(action, objectType, objectId, outcome));
    }

    /** The entries about one object, newest first, keyset-paginated. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> forObject(String objectType, String objectId, PageRequest page) {
        List<AuditEntry> rows = em.createQuery("""
                        from AuditEntry e where e.objectType = :type and e.objectId = :id and e.id < :after
                        order by e.id desc""", AuditEntry.class)
                .setParameter("type", objectType).setParameter("id", objectId)
                .setParameter("after", page.after().map(c -> c.number(0)).orElse(Long.MAX_VALUE))
                .setMaxResults(page.limit() + 1)
                .getResultList();
        return page.page(rows, e -> Cursor.of(e.id));
    }
}
