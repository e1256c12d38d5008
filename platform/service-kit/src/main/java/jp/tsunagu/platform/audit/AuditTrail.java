package jp.tsunagu.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.audit.ActorRole;
import jp.tsunagu.events.audit.AuditAction;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.events.audit.AuditRecordedOnCases;
import jp.tsunagu.events.audit.AuditResult;
import jp.tsunagu.events.audit.AuditSource;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.platform.http.RequestIds;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.CallerScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes and reads the audit trail. Entries are only ever inserted (the database refuses the rest).
 * An entry knows its case: the one the service's access check noted in the {@link AuditScope}, or
 * the object itself when it is a case. A service configured to share ({@code tsunagu.audit.share})
 * also publishes each entry of a case's object, in the same transaction, as {@code audit.recorded.v2}
 * for the cases' access logs in case-service: one event per center the entry touched, naming its
 * cases (a list of fifty cases is one event).
 */
@ApplicationScoped
public class AuditTrail {

    static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final EntityManager em;
    private final CallerScope caller;
    private final CurrentVertxRequest http;
    private final AuditScope scope;
    private final Outbox outbox;
    private final PlatformConfig config;
    private final String service;

    AuditTrail(EntityManager em, CallerScope caller, CurrentVertxRequest http, AuditScope scope, Outbox outbox,
               PlatformConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.caller = caller;
        this.http = http;
        this.scope = scope;
        this.outbox = outbox;
        this.config = config;
        this.service = service;
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
        Map<UUID, String> cases = scope.cases();
        entry.caseId = caseOf(entry, cases).orElse(null);
        em.persist(entry);
        if (outcome == AuditOutcome.DENIED) {
            scope.refusalRecorded();
        }
        if (config.audit().share()) {
            byCenter(cases).forEach((centerId, caseIds) -> outbox.append(shared(entry, caseIds, centerId)));
        }
    }

    /** Records in a transaction of its own: for acts that were refused and rolled back. */
    public void recordApart(String action, String objectType, Object objectId, AuditOutcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> record(action, objectType, objectId, outcome));
    }

    /**
     * Keeps an entry another service shared in the access log of each of the given cases, this
     * service's own (in the inbox's transaction): one statement, however many cases a list touched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordShared(AuditRecordedOnCases shared, List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into audit_entry (occurred_at, actor_id, actor_roles, center_id, action, object_type,
                                                 object_id, outcome, request_id, case_id, source)
                        select :occurredAt, :actorId, :actorRoles, cast(:centerId as text), :action, :objectType,
                               cast(:objectId as text), :outcome, cast(:requestId as text), t.case_id, :source
                        from unnest(:caseIds) with ordinality as t(case_id, n) order by t.n""")
                .setParameter("occurredAt", shared.occurredAt())
                .setParameter("actorId", shared.actorId())
                .setParameter("actorRoles", shared.actorRoles().stream().map(ActorRole::roleName).sorted()
                        .collect(Collectors.joining(",")))
                .setParameter("centerId", shared.actorCenterId())
                .setParameter("action", shared.action().code())
                .setParameter("objectType", shared.objectType().code())
                .setParameter("objectId", shared.objectId() == null ? null : shared.objectId().toString())
                .setParameter("outcome", (shared.outcome() == AuditResult.DENIED ? AuditOutcome.DENIED : AuditOutcome.SUCCESS).name())
                .setParameter("requestId", shared.requestId())
                .setParameter("caseIds", caseIds.toArray(UUID[]::new))
                .setParameter("source", shared.source().serviceName())
                .executeUpdate();
    }

    /** The entries about one object, newest first, keyset-paginated. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> forObject(String objectType, String objectId, PageRequest page) {
        List<AuditEntry> rows = em.createQuery("""
                        from AuditEntry e where e.objectType = :type and e.objectId = :id and e.id < :after
                        order by e.id desc""", AuditEntry.class)
                .setParameter("type", objectType).setParameter("id", objectId)
                .setParameter("after", after(page))
                .setMaxResults(page.limit() + 1)
                .getResultList();
        return page.page(rows, e -> Cursor.of(e.id));
    }

    /** The entries about a case and all its objects, whichever service served them, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> forCase(UUID caseId, PageRequest page) {
        List<AuditEntry> rows = em.createQuery("""
                        from AuditEntry e where e.caseId = :case and e.id < :after order by e.id desc""", AuditEntry.class)
                .setParameter("case", caseId)
                .setParameter("after", after(page))
                .setMaxResults(page.limit() + 1)
                .getResultList();
        return page.page(rows, e -> Cursor.of(e.id));
    }

    private static long after(PageRequest page) {
        return page.after().map(c -> c.number(0)).orElse(Long.MAX_VALUE);
    }

    private static Optional<UUID> caseOf(AuditEntry entry, Map<UUID, String> cases) {
        if (cases.size() == 1) {
            return Optional.of(cases.keySet().iterator().next());
        }
        if (AuditObjectType.CASE.code().equals(entry.objectType) && entry.objectId != null
                && UUID_SHAPE.matcher(entry.objectId).matches()) {
            return Optional.of(UUID.fromString(entry.objectId));
        }
        return Optional.empty();
    }

    /** The noted cases grouped by their center, each center's in the order noted. */
    static Map<String, List<UUID>> byCenter(Map<UUID, String> cases) {
        return cases.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue, LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    }

    private AuditRecordedOnCases shared(AuditEntry entry, List<UUID> caseIds, String centerId) {
        return new AuditRecordedOnCases(
                AuditSource.ofServiceName(service).orElseThrow(() -> unshareable("service " + service)),
                AuditAction.ofCode(entry.action).orElseThrow(() -> unshareable("action " + entry.action)),
                AuditObjectType.ofCode(entry.objectType).orElseThrow(() -> unshareable("object type " + entry.objectType)),
                entry.objectId != null && UUID_SHAPE.matcher(entry.objectId).matches() ? UUID.fromString(entry.objectId) : null,
                caseIds, centerId, entry.actorId,
                caller.roles().stream().map(ActorRole::ofRoleName).flatMap(Optional::stream).collect(Collectors.toSet()),
                entry.centerId, entry.outcome == AuditOutcome.DENIED ? AuditResult.DENIED : AuditResult.SUCCESS,
                entry.occurredAt, entry.requestId);
    }

    private static IllegalStateException unshareable(String what) {
        return new IllegalStateException("audit entries are shared, but the " + what
                + " is not in the audit.recorded.v2 contract (jp.tsunagu.events.audit)");
    }
}
