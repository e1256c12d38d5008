package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyDraft;
import jp.tsunagu.referrals.domain.AgencyEntry;
import jp.tsunagu.referrals.domain.AgencyIds;
import jp.tsunagu.referrals.domain.OfferedService;
import jp.tsunagu.referrals.domain.WebhookSecret;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Managing the directory: an administrator creates and changes agencies and rotates their
 * webhook secrets. Each write is audited in its own transaction; the agency's version moves with
 * every change of its entry (services and service area included).
 */
@ApplicationScoped
@Transactional
public class AgencyDirectory {

    /** A rotated secret, answered once to the administrator who rotated it. */
    public record Rotation(AgencyEntry entry, WebhookSecret secret) {
    }

    /** How many parents up an agency's line may go: deeper is surely a mistake. */
    private static final int MAX_DEPTH = 10;

    private final EntityManager em;
    private final AgencyEntries entries;

    AgencyDirectory(EntityManager em, AgencyEntries entries) {
        this.em = em;
        this.entries = entries;
    }

    @Audited(action = "agency.create", objectType = "agency")
    public AgencyEntry create(AgencyDraft draft) {
        if (em.find(Agency.class, draft.id()) != null) {
            throw new ConflictException("An agency with id " + draft.id() + " exists already");
        }
        Instant now = Instant.now();
        Agency agency = Agency.create(draft, now);
        checkParent(agency);
        em.persist(agency);
        List<OfferedService> services = replaceServices(agency.id, List.of(), draft.services(), now);
        replaceServiceArea(agency.id, draft.serviceArea());
        return new AgencyEntry(agency, services, entries.serviceAreaOf(agency.id));
    }

    /**
     * An update of the version the caller read: {@code change} makes the new draft from the current
     * entry (a merge patch, typically); 412 if another change came first.
     */
    @Audited(action = "agency.update", objectType = "agency")
    public AgencyEntry update(@AuditObjectId String id, long expectedVersion, Function<AgencyEntry, AgencyDraft> change) {
        AgencyEntry current = entries.get(id);
        Agency agency = current.agency();
        Versions.check(expectedVersion, agency.version);
        AgencyDraft draft = change.apply(current);
        if (!agency.id.equals(draft.id())) {
            throw new InvalidRequestException("id", "an agency keeps its id");
        }
        Instant now = Instant.now();
        agency.describe(draft, now);
        checkParent(agency);
        List<OfferedService> services = replaceServices(agency.id, current.services(), draft.services(), now);
        replaceServiceArea(agency.id, draft.serviceArea());
        return new AgencyEntry(agency, services, entries.serviceAreaOf(agency.id));
    }

    /** A new signing secret for the agency's webhook, made here and answered this once. */
    @Audited(action = "agency.webhook-secret.rotate", objectType = "agency")
    public Rotation rotateSecret(@AuditObjectId String id) {
        AgencyEntry current = entries.get(id);
        WebhookSecret secret = WebhookSecret.generate();
        current.agency().rotateSecret(secret, Instant.now());
        em.flush();
        return new Rotation(current, secret);
    }

    /** The parent must be another agency of the directory, and no agency may end up its own ancestor. */
    private void checkParent(Agency agency) {
        String parentId = agency.parentId;
        Set<String> line = new HashSet<>(Set.of(agency.id));
        for (int depth = 0; parentId != null; depth++) {
            if (!line.add(parentId) || depth >= MAX_DEPTH) {
                throw new InvalidRequestException("parentId", "would make the agency its own ancestor (or a line over "
                        + MAX_DEPTH + " deep)");
            }
            Agency parent = AgencyIds.isWellFormed(parentId) ? em.find(Agency.class, parentId) : null;
            if (parent == null) {
                throw new InvalidRequestException("parentId", "no agency " + parentId + " in the directory");
            }
            parentId = parent.parentId;
        }
    }

    /**
     * Makes the agency's services those of the drafts, in their order: a draft naming one of the
     * current services changes it in place, one without an id adds a service, and current services
     * no draft names are removed.
     */
    private List<OfferedService> replaceServices(String agencyId, List<OfferedService> current,
                                                 List<AgencyDraft.ServiceDraft> drafts, Instant now) {
        Map<UUID, OfferedService> byId = new HashMap<>();
        current.forEach(s -> byId.put(s.id, s));
        List<OfferedService> result = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            AgencyDraft.ServiceDraft draft = drafts.get(i);
            if (draft.id() == null) {
                OfferedService added = OfferedService.of(agencyId, draft, i, now);
                em.persist(added);
                result.add(added);
                continue;
            }
            OfferedService kept = byId.remove(draft.id());
            if (kept == null) {
                throw new InvalidRequestException("services[" + i + "].id", "not a service of this agency (leave it out for a new one)");
            }
            kept.describe(draft, i, now);
            result.add(kept);
        }
        byId.values().forEach(em::remove);
        return result;
    }

    /** Also flushes what came before, so the agency's new version is known when this returns. */
    private void replaceServiceArea(String agencyId, List<String> municipalities) {
        em.flush();
        em.createNativeQuery("delete from agency_service_area where agency_id = :agency")
                .setParameter("agency", agencyId).executeUpdate();
        for (String municipality : municipalities) {
            em.createNativeQuery("insert into agency_service_area (agency_id, municipality) values (:agency, :municipality)")
                    .setParameter("agency", agencyId).setParameter("municipality", municipality).executeUpdate();
        }
    }
}
