package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.referrals.domain.Actor;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralOutcome;
import jp.tsunagu.referrals.domain.ReferralStep;
import jp.tsunagu.referrals.domain.StatusReason;
import jp.tsunagu.referrals.events.ReferralEvents;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a referral's story, whoever moves it (the center, the agency's system, a supporter
 * entering a phone answer, a withdrawal's cascade): the move checked by the domain, its step kept,
 * its event in the outbox, all in the caller's transaction. A referral is locked while a step is
 * added, so steps are numbered without gaps and two moves never cross.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReferralSteps {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    ReferralSteps(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The referral, locked until the transaction ends; empty if there is none. */
    public Optional<Referral> lock(UUID referralId) {
        return Optional.ofNullable(em.find(Referral.class, referralId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Moves a (locked) referral, keeps the step and publishes it. */
    public ReferralStep move(Referral referral, ReferralStatus to, Actor actor, Optional<StatusReason> reason,
                             Optional<ReferralOutcome> outcome, Optional<String> note) {
        ReferralStatus from = referral.status;
        ReferralStep step = referral.move(to, actor, reason, outcome, note, nextSeq(referral), clock.instant());
        em.persist(step);
        em.flush();
        if (from == ReferralStatus.DRAFT && to == ReferralStatus.REQUESTED) {
            outbox.append(ReferralEvents.requested(referral)); // the agency learns of it only now
        } else if (referral.caseId != null && from != ReferralStatus.DRAFT) {
            outbox.append(ReferralEvents.statusChanged(referral, step));
        }
        return step;
    }

    /** A note from one side on a (locked) referral. */
    public ReferralStep note(Referral referral, String text, Actor actor) {
        ReferralStep step = referral.note(text, actor, nextSeq(referral), clock.instant());
        em.persist(step);
        em.flush();
        return step;
    }

    /** The first step of a referral just made (created as a draft, sent, or received inbound). */
    public ReferralStep begin(Referral referral, Actor actor) {
        ReferralStep step = ReferralStep.first(referral, actor);
        em.persist(step);
        return step;
    }

    public List<ReferralStep> of(UUID referralId) {
        return em.createQuery("from ReferralStep s where s.referralId = :id order by s.seq", ReferralStep.class)
                .setParameter("id", referralId).getResultList();
    }

    private int nextSeq(Referral referral) {
        Number last = (Number) em.createNativeQuery("select coalesce(max(seq), 0) from referral_step where referral_id = :id")
                .setParameter("id", referral.id).getSingleResult();
        return last.intValue() + 1;
    }
}
