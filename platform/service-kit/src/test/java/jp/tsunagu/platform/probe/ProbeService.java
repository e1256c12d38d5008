package jp.tsunagu.platform.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.platform.security.CallerScope;

import java.time.Instant;
import java.util.UUID;

/** Use cases of the test application: each change writes its event through the outbox; each act is audited. */
@ApplicationScoped
@Transactional
public class ProbeService {

    private final Outbox outbox;
    private final CallerScope caller;

    ProbeService(Outbox outbox, CallerScope caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    @Audited(action = "probe.create", objectType = "probe")
    public Probe create(@AuditObjectId UUID id, String name, boolean failAfterEvent) {
        Probe probe = new Probe();
        probe.id = id;
        probe.name = name;
        probe.centerId = caller.requireCenter();
        probe.persist();
        outbox.append(new CaseOpened(id, caller.requireCenter(), "C-2026-000001", Phase.ASSESSMENT,
                CaseStatus.OPEN, IntakeChannel.PHONE, Instant.now(), caller.userId(), null));
        if (failAfterEvent) {
            throw new IllegalStateException("failing on purpose after the event was appended");
        }
        return probe;
    }

    @Audited(action = "probe.read", objectType = "probe")
    public Probe get(@AuditObjectId UUID id) {
        return find(id);
    }

    /** For supervisors only, checked inside the act (the resource lets supporters by), as Quarkus' own check would refuse. */
    @Audited(action = "probe.supervise", objectType = "probe")
    public Probe supervise(@AuditObjectId UUID id) {
        if (!caller.hasRole("supervisor")) {
            throw new io.quarkus.security.ForbiddenException();
        }
        return find(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<UUID> idsAfter(UUID after, int count) {
        return Probe.<Probe>find("id > ?1 order by id", after).page(0, count).list().stream().map(p -> p.id).toList();
    }

    /** Changes the probe but lets another transaction change it first: the flush at commit finds a stale version. */
    public void renameLosingTheRace(UUID id, String name) {
        Probe probe = find(id);
        probe.name = name;
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Probe.getEntityManager()
                .createNativeQuery("update probe set version = version + 1 where id = :id")
                .setParameter("id", id).executeUpdate());
    }

    @Audited(action = "probe.update", objectType = "probe")
    public Probe rename(@AuditObjectId UUID id, long expectedVersion, String name) {
        Probe probe = find(id);
        Versions.check(expectedVersion, probe.version);
        probe.name = name;
        probe.flush();
        return probe;
    }

    /** Wrongly audited outside a transaction: the audit refuses to run. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @Audited(action = "probe.untransacted", objectType = "probe")
    public void untransacted() {
    }

    private static Probe find(UUID id) {
        return Probe.<Probe>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Probe", id));
    }
}
