package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.Consent;
import jp.tsunagu.referrals.domain.ConsentGrantor;
import jp.tsunagu.referrals.domain.ConsentMethod;
import jp.tsunagu.referrals.domain.ConsentTerms;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.events.ReferralEvents;
import jp.tsunagu.referrals.security.ReferralAccess;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The consent ledger of a case: recording a consent to share, listing them, and withdrawing one.
 * A withdrawal cancels, in its own transaction, the referrals resting on the consent that are not
 * closed, and tells (consent.withdrawn.v1) the agencies that had received a referral resting on it.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    /** A consent just recorded (its id names the audit entry). */
    public record Recorded(Consent consent) implements Identified {
        @Override
        public Object id() {
            return consent.id;
        }
    }

    /** A withdrawn consent and the referrals its withdrawal cancelled. */
    public record Withdrawal(Consent consent, List<Referral> cancelled) implements Identified {
        @Override
        public Object id() {
            return consent.id;
        }
    }

    private final EntityManager em;
    private final ReferralAccess access;
    private final ReferralService referrals;
    private final Outbox outbox;
    private final Clock clock;

    ConsentService(EntityManager em, ReferralAccess access, ReferralService referrals, Outbox outbox, Clock clock) {
        this.em = em;
        this.access = access;
        this.referrals = referrals;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Audited(action = "consent.record", objectType = "consent")
    public Recorded record(UUID caseId, ConsentGrantor grantedBy, ConsentMethod method, ConsentTerms terms) {
        CaseView view = access.caseOf(caseId);
        if (!view.isOpen()) {
            throw new ConflictException("The case is closed");
        }
        Consent consent = Consent.grant(caseId, view.centerId, grantedBy, method, terms, access.caller().userId(),
                clock.instant());
        em.persist(consent);
        return new Recorded(consent);
    }

    /** The case's consents, newest grant first. */
    @Audited(action = "consent.list", objectType = "consent")
    public List<Consent> list(UUID caseId) {
        access.caseOf(caseId);
        return em.createQuery("from Consent c where c.caseId = :case order by c.grantedOn desc, c.recordedAt desc",
                Consent.class).setParameter("case", caseId).getResultList();
    }

    @Audited(action = "consent.read", objectType = "consent")
    public Consent get(@AuditObjectId UUID consentId) {
        return access.readableConsent(consentId, Optional.ofNullable(em.find(Consent.class, consentId)));
    }

    /** Withdraws the consent from today (Tokyo) and cancels what rested on it. */
    @Audited(action = "consent.withdraw", objectType = "consent")
    public Withdrawal withdraw(@AuditObjectId UUID consentId) {
        Consent consent = access.readableConsent(consentId, Optional.ofNullable(em.find(Consent.class, consentId,
                LockModeType.PESSIMISTIC_WRITE)));
        Instant now = clock.instant();
        consent.withdraw(Tokyo.day(now), access.caller().userId(), now);
        em.flush();
        List<Referral> cancelled = referrals.cancelRestingOn(consent);
        Set<String> told = new TreeSet<>(em.createQuery("select distinct r.agencyId from Referral r where r.consentId = :consent"
                        + " and r.requestedAt is not null", String.class)
                .setParameter("consent", consent.id).getResultList());
        outbox.append(ReferralEvents.consentWithdrawn(consent, told, cancelled));
        return new Withdrawal(consent, cancelled);
    }
}
