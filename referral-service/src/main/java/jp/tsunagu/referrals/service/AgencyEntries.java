package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyEntry;
import jp.tsunagu.referrals.domain.AgencyIds;
import jp.tsunagu.referrals.domain.OfferedService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads whole directory entries (agency, services, service area) in the caller's transaction, a page at a time. */
@ApplicationScoped
public class AgencyEntries {

    private final EntityManager em;

    AgencyEntries(EntityManager em) {
        this.em = em;
    }

    /** The entry, or 404 (a malformed id is simply not found). */
    public AgencyEntry get(String id) {
        Agency agency = AgencyIds.isWellFormed(id) ? em.find(Agency.class, id) : null;
        if (agency == null) {
            throw new NotFoundException("Agency", AgencyIds.isWellFormed(id) ? id : "(malformed id)");
        }
        return of(List.of(agency)).get(0);
    }

    /** The entries of these agencies, in their order, with two queries whatever their number. */
    public List<AgencyEntry> of(List<Agency> agencies) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        List<String> ids = agencies.stream().map(a -> a.id).toList();
        Map<String, List<OfferedService>> services = new HashMap<>();
        em.createQuery("from OfferedService s where s.agencyId in :ids order by s.agencyId, s.position, s.id", OfferedService.class)
                .setParameter("ids", ids).getResultList()
                .forEach(s -> services.computeIfAbsent(s.agencyId, k -> new ArrayList<>()).add(s));
        Map<String, List<String>> areas = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select agency_id, municipality from agency_service_area"
                + " where agency_id in (:ids) order by agency_id, municipality collate \"C\"").setParameter("ids", ids).getResultList();
        rows.forEach(row -> areas.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]));
        return agencies.stream().map(a -> new AgencyEntry(a, services.getOrDefault(a.id, List.of()),
                areas.getOrDefault(a.id, List.of()))).toList();
    }

    public List<String> serviceAreaOf(String id) {
        @SuppressWarnings("unchecked")
        List<String> areas = em.createNativeQuery("select municipality from agency_service_area where agency_id = :id"
                + " order by municipality collate \"C\"").setParameter("id", id).getResultList();
        return areas;
    }
}
