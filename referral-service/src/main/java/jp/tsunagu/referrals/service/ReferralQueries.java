package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.platform.audit.AuditScope;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralDirection;
import jp.tsunagu.referrals.security.ReferralAccess;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The center's lists of referrals: those of the cases the caller works on (a supervisor: all of
 * the center's), and the inbound referrals of the center not yet made a case. Newest first.
 */
@ApplicationScoped
@Transactional
public class ReferralQueries {

    /** The filters of GET /referrals. */
    public record Filter(Optional<UUID> caseId, Optional<ReferralStatus> status, Optional<String> agencyId,
                         boolean overdueOnly, Optional<ReferralDirection> direction, Optional<LegalBasis> legalBasis) {
    }

    private final EntityManager em;
    private final ReferralAccess access;
    private final AuditScope audit;
    private final Clock clock;

    ReferralQueries(EntityManager em, ReferralAccess access, AuditScope audit, Clock clock) {
        this.em = em;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Audited(action = "referral.list", objectType = "referral")
    public Page<Referral> list(Filter filter, PageRequest page) {
        filter.caseId().ifPresent(access::caseOf);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("center", access.caller().requireCenter());
        StringBuilder sql = new StringBuilder("select r.* from referral r where ");
        if (access.seesWholeCenter()) {
            sql.append("r.center_id = :center").append(conditions("r", filter, page, parameters));
        } else {
            String conditions = conditions("c", filter, page, parameters);
            // a team member's page is chosen among the referrals of the member's cases (index
            // referral_case_listing) and the center's inbound ones without a case (referral_unassigned),
            // each branch at most a page, then only the page's rows are read: walking the center's
            // referrals newest first and checking each one's team reads a prefecture's for a page
            sql.append("r.id in ((select c.id from case_scope_member m join referral c on c.case_id = m.case_id"
                            + " where m.user_id = :me and c.center_id = :center")
                    .append(conditions).append(newestFirst("c")).append(" limit :page)")
                    .append(" union all (select c.id from referral c where c.center_id = :center and c.case_id is null"
                            + " and c.direction = 'INBOUND'")
                    .append(conditions).append(newestFirst("c")).append(" limit :page))");
            parameters.put("me", access.caller().userId());
            parameters.put("page", page.limit() + 1);
        }
        sql.append(newestFirst("r"));
        // read-only: a page is answered, never changed; no copy of its JSON columns is kept for dirty checking
        var query = em.createNativeQuery(sql.toString(), Referral.class).setHint(HibernateHints.HINT_READ_ONLY, true);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Referral> found = query.setMaxResults(page.limit() + 1).getResultList();
        Page<Referral> answered = page.page(found, r -> Cursor.of(r.createdAt, r.id));
        answered.items().stream().filter(r -> r.caseId != null).forEach(r -> audit.concerns(r.caseId, r.centerId));
        return answered;
    }

    private static String newestFirst(String r) {
        return " order by " + r + ".created_at desc, " + r + ".id desc";
    }

    /** The filters and the cursor as conditions on the referral named {@code r} in the statement. */
    private String conditions(String r, Filter filter, PageRequest page, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        filter.caseId().ifPresent(id -> {
            sql.append(" and " + r + ".case_id = :caseId");
            parameters.put("caseId", id);
        });
        filter.status().ifPresent(status -> {
            sql.append(" and " + r + ".status = :status");
            parameters.put("status", status.name());
        });
        filter.agencyId().ifPresent(agency -> {
            sql.append(" and " + r + ".agency_id = :agency");
            parameters.put("agency", agency);
        });
        if (filter.overdueOnly()) {
            sql.append(" and " + r + ".status = 'REQUESTED' and " + r + ".respond_by < :now");
            parameters.put("now", clock.instant());
        }
        filter.direction().ifPresent(direction -> {
            sql.append(" and " + r + ".direction = :direction");
            parameters.put("direction", direction.name());
        });
        filter.legalBasis().ifPresent(basis -> {
            sql.append(" and " + r + ".legal_basis = :basis");
            parameters.put("basis", basis.name());
        });
        page.after().ifPresent(cursor -> {
            sql.append(" and (" + r + ".created_at, " + r + ".id) < (:afterAt, :afterId)");
            parameters.put("afterAt", cursor.instant(0));
            parameters.put("afterId", cursor.uuid(1));
        });
        return sql.toString();
    }
}
