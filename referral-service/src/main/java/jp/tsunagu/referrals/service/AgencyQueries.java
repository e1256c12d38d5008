package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyEntry;
import jp.tsunagu.referrals.domain.AgencyIds;
import jp.tsunagu.referrals.security.DirectoryAccess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the directory: lists with filters, one entry, and a partner agency's own entry. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AgencyQueries {

    /**
     * The filters of GET /agencies. {@code municipality} matches an agency of that municipality or
     * one whose service area includes it (who can help someone living there).
     */
    public record Filter(Optional<AgencyKind> kind, Optional<String> municipality, Optional<Boolean> acceptingReferrals) {
    }

    private final EntityManager em;
    private final AgencyEntries entries;
    private final DirectoryAccess access;

    AgencyQueries(EntityManager em, AgencyEntries entries, DirectoryAccess access) {
        this.em = em;
        this.entries = entries;
        this.access = access;
    }

    /** Agencies in the order of their ids, a page at a time (keyset on the id). */
    public Page<AgencyEntry> list(Filter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder("select a.* from agency a where true");
        filter.kind().ifPresent(kind -> {
            sql.append(" and a.kind = :kind");
            parameters.put("kind", kind.name());
        });
        filter.municipality().ifPresent(municipality -> {
            if (municipality.isBlank() || municipality.length() > 50 || municipality.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidRequestException("municipality", "must be a municipality name such as 新宿区");
            }
            sql.append(" and (a.municipality = :municipality or exists (select 1 from agency_service_area s"
                    + " where s.agency_id = a.id and s.municipality = :municipality))");
            parameters.put("municipality", municipality);
        });
        filter.acceptingReferrals().ifPresent(accepting -> {
            sql.append(" and a.accepting_referrals = :accepting");
            parameters.put("accepting", accepting);
        });
        page.after().ifPresent(cursor -> {
            sql.append(" and a.id > :after");
            parameters.put("after", cursor.text(0, AgencyIds::isWellFormed));
        });
        sql.append(" order by a.id");
        var query = em.createNativeQuery(sql.toString(), Agency.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Agency> agencies = query.setMaxResults(page.limit() + 1).getResultList();
        Page<Agency> found = page.page(agencies, a -> Cursor.of(a.id));
        return new Page<>(entries.of(found.items()), found.nextCursor());
    }

    public AgencyEntry get(String id) {
        return entries.get(id);
    }

    /** The calling partner agency's own entry (404 if the directory has none for it yet). */
    public AgencyEntry own() {
        return entries.get(access.ownAgency());
    }
}
