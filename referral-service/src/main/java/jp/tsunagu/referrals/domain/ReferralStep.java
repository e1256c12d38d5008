package jp.tsunagu.referrals.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralStatus;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of a referral's story: a status move, a note, or both; which side made it, who entered
 * it, and how it came in (the agency's system, a phone call or a fax, or the system). Never changed.
 */
@Entity
@Table(name = "referral_step")
@IdClass(ReferralStep.Key.class)
public class ReferralStep extends PanacheEntityBase {

    public record Key(UUID referralId, int seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "referral_id")
    public UUID referralId;
    @Id
    public int seq;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public Party party;
    @Column(name = "by_user")
    public String byUser;
    @Enumerated(EnumType.STRING)
    public AnswerChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReferralStatus toStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public StatusReasonCode reasonCode;
    @Column(name = "reason_text")
    public String reasonText;
    @Enumerated(EnumType.STRING)
    public ReferralOutcome outcome;
    public String note;

    static ReferralStep of(UUID referralId, int seq, Actor actor, Instant at) {
        ReferralStep step = new ReferralStep();
        step.referralId = referralId;
        step.seq = seq;
        step.party = actor.party();
        step.byUser = actor.userId();
        step.channel = actor.channel();
        step.at = at;
        return step;
    }

    /** The first step of a referral: how it came to be (a draft, a request, an inbound referral). */
    public static ReferralStep first(Referral referral, Actor actor) {
        ReferralStep step = of(referral.id, 1, actor, referral.createdAt);
        step.toStatus = referral.status;
        return step;
    }

    public Optional<StatusReason> reason() {
        return Optional.ofNullable(reasonCode).map(code -> StatusReason.of(code, reasonText));
    }

    public boolean isMove() {
        return toStatus != null;
    }
}
