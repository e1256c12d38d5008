package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyEntry;
import jp.tsunagu.referrals.domain.OfferedService;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory as the HSDS view reads it: numbered pages (HSDS pages by number, with totals),
 * services with their agency, and the HSDS ids of parent organizations. Read-only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HsdsCatalog {

    /** A page by number: the items of that page and how many there are in all. */
    public record Numbered<T>(long total, List<T> items) {
    }

    /** A service with the agency that offers it. */
    public record ServiceOfAgency(OfferedService service, Agency agency) {
    }

    /** A service with its agency's whole entry and the HSDS id of the agency's parent, if it has one. */
    public record FullService(OfferedService service, AgencyEntry agency, Optional<UUID> parentHsdsId) {
    }

    /** An agency and the HSDS id of its parent, if it has one. */
    public record Organization(Agency agency, Optional<UUID> parentHsdsId) {
    }

    private final EntityManager em;
    private final AgencyEntries entries;

    HsdsCatalog(EntityManager em, AgencyEntries entries) {
        this.em = em;
        this.entries = entries;
    }

    /** Services by agency id and their place in its list; {@code organization} narrows to one agency by its HSDS id. */
    public Numbered<ServiceOfAgency> services(int page, int perPage, Optional<UUID> organization) {
        String where = organization.isPresent() ? " where a.hsdsId = :organization" : "";
        var count = em.createQuery("select count(s) from OfferedService s join Agency a on a.id = s.agencyId" + where, Long.class);
        organization.ifPresent(o -> count.setParameter("organization", o));
        long total = count.getSingleResult();
        long offset = (long) (page - 1) * perPage;
        if (offset >= total) {
            return new Numbered<>(total, List.of());
        }
        var query = em.createQuery("select s, a from OfferedService s join Agency a on a.id = s.agencyId" + where
                + " order by a.id, s.position, s.id", Object[].class);
        organization.ifPresent(o -> query.setParameter("organization", o));
        List<ServiceOfAgency> items = query.setFirstResult((int) offset).setMaxResults(perPage).getResultList().stream()
                .map(row -> new ServiceOfAgency((OfferedService) row[0], (Agency) row[1])).toList();
        return new Numbered<>(total, items);
    }

    public Optional<FullService> service(UUID id) {
        OfferedService service = em.find(OfferedService.class, id);
        if (service == null) {
            return Optional.empty();
        }
        AgencyEntry agency = entries.get(service.agencyId);
        return Optional.of(new FullService(service, agency, parentsOf(List.of(agency.agency())).get(agency.agency().id)));
    }

    /** Agencies by id. */
    public Numbered<Organization> organizations(int page, int perPage) {
        long total = em.createQuery("select count(a) from Agency a", Long.class).getSingleResult();
        long offset = (long) (page - 1) * perPage;
        if (offset >= total) {
            return new Numbered<>(total, List.of());
        }
        List<Agency> agencies = em.createQuery("from Agency a order by a.id", Agency.class)
                .setFirstResult((int) offset).setMaxResults(perPage).getResultList();
        Map<String, Optional<UUID>> parents = parentsOf(agencies);
        return new Numbered<>(total, agencies.stream().map(a -> new Organization(a, parents.get(a.id))).toList());
    }

    /** For each agency, the HSDS id of its parent (empty if it has none). */
    private Map<String, Optional<UUID>> parentsOf(Collection<Agency> agencies) {
        List<String> parentIds = agencies.stream().map(a -> a.parentId).filter(Objects::nonNull).distinct().toList();
        Map<String, UUID> hsdsIds = new HashMap<>();
        if (!parentIds.isEmpty()) {
            em.createQuery("select a.id, a.hsdsId from Agency a where a.id in :ids", Object[].class)
                    .setParameter("ids", parentIds).getResultList()
                    .forEach(row -> hsdsIds.put((String) row[0], (UUID) row[1]));
        }
        Map<String, Optional<UUID>> parents = new HashMap<>();
        agencies.forEach(a -> parents.put(a.id, Optional.ofNullable(a.parentId).map(hsdsIds::get)));
        return parents;
    }
}
