package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.referrals.domain.Actor;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralDirection;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * A case opened from an inbound referral keeps the link: the referral gets the case, and if it
 * still awaits the center's answer it is ACCEPTED, as the center's side, by the system for the
 * supporter who opened the case (the step shows SYSTEM). Announced by the consumer of case-events
 * in the inbox's transaction; the same opening told twice changes nothing the second time.
 */
@ApplicationScoped
public class InboundLinks {

    private static final Logger LOG = Logger.getLogger(InboundLinks.class);

    private final ReferralSteps steps;

    InboundLinks(ReferralSteps steps) {
        this.steps = steps;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void opened(@Observes CaseOpened opened) {
        if (opened.inboundReferralId() == null) {
            return;
        }
        Optional<Referral> found = steps.lock(opened.inboundReferralId())
                .filter(r -> r.direction == ReferralDirection.INBOUND && r.centerId.equals(opened.centerId()));
        if (found.isEmpty()) {
            LOG.warnf("case %s names inbound referral %s, which is no inbound referral of its center: not linked",
                    opened.caseId(), opened.inboundReferralId());
            return;
        }
        Referral referral = found.get();
        if (referral.caseId != null && !referral.caseId.equals(opened.caseId())) {
            LOG.warnf("inbound referral %s is linked to case %s already: case %s not linked", referral.id, referral.caseId,
                    opened.caseId());
            return;
        }
        referral.caseId = opened.caseId();
        if (referral.status == ReferralStatus.REQUESTED) {
            steps.move(referral, ReferralStatus.ACCEPTED, Actor.system(opened.openedBy()), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }
}
