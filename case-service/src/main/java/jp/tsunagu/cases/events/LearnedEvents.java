package jp.tsunagu.cases.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineEntry;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.referrals.ReferralOverdue;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.events.visits.VisitOverdue;
import jp.tsunagu.events.visits.VisitRecorded;
import jp.tsunagu.events.visits.VisitScheduled;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the case learns from visit-service and referral-service: lines on its timeline (the
 * counts of the stats come from them) and whether it is overdue for a visit. Runs in the inbox's
 * transaction, once per event: it joins that transaction rather than beginning one, so it sits with
 * the incoming handlers in {@code events/}. {@code service/} uses {@code events/} (the outgoing
 * factories), never the reverse.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LearnedEvents {

    private final EntityManager em;

    LearnedEvents(EntityManager em) {
        this.em = em;
    }

    public void learn(UUID eventId, EventData data) {
        SupportCase supportCase = data.caseId() == null ? null : em.find(SupportCase.class, data.caseId());
        if (supportCase == null || !supportCase.centerId.equals(data.centerId())) {
            return;
        }
        switch (data) {
            case VisitRecorded v -> {
                // a correction replaces the line of the visit it corrects
                em.createQuery("delete from TimelineEntry e where e.refId = :v and e.kind = :k")
                        .setParameter("v", v.visitId()).setParameter("k", TimelineKind.VISIT_RECORDED).executeUpdate();
                Map<String, Object> attributes = new HashMap<>();
                attributes.put("kind", v.kind().name());
                attributes.put("outcome", v.outcome().name());
                attributes.put("revision", v.revision());
                attributes.put("leftBehind", v.leftBehind().stream().map(l -> l.kind().name()).toList());
                if (v.nextVisitConsent() != null) {
                    attributes.put("nextVisitConsent", v.nextVisitConsent().name());
                }
                add(supportCase, eventId, TimelineKind.VISIT_RECORDED, v.visitId(), v.occurredAt(), attributes);
                if (supportCase.visitOverdueSince != null) {
                    supportCase.visitOverdueSince = null;
                    supportCase.touched(Instant.now());
                }
            }
            case VisitScheduled v -> add(supportCase, eventId, TimelineKind.VISIT_SCHEDULED, v.visitId(), v.scheduledAt(),
                    Map.of("kind", v.kind().name(), "scheduledFor", v.scheduledFor().toString()));
            case VisitOverdue v -> {
                add(supportCase, eventId, TimelineKind.VISIT_OVERDUE, null, v.detectedAt(),
                        Map.of("dueOn", v.dueOn().toString(), "notMetStreak", v.notMetStreak(),
                                "intervalsMissed", v.intervalsMissed()));
                if (supportCase.visitOverdueSince == null) {
                    supportCase.visitOverdueSince = v.detectedAt();
                    supportCase.touched(Instant.now());
                }
            }
            case ReferralRequested r -> add(supportCase, eventId, TimelineKind.REFERRAL_REQUESTED, r.referralId(),
                    r.requestedAt(), Map.of("agencyKind", r.agencyKind().name(), "purpose", r.purpose().name(),
                            "urgency", r.urgency().name()));
            case ReferralStatusChanged r -> add(supportCase, eventId, TimelineKind.REFERRAL_STATUS_CHANGED, r.referralId(),
                    r.changedAt(), Map.of("agencyKind", r.agencyKind().name(), "from", r.fromStatus().name(),
                            "to", r.toStatus().name()));
            case ReferralOverdue r -> add(supportCase, eventId, TimelineKind.REFERRAL_OVERDUE, r.referralId(),
                    r.detectedAt(), Map.of("urgency", r.urgency().name()));
            default -> {
                // other events tell the case nothing new
            }
        }
    }

    private void add(SupportCase supportCase, UUID eventId, TimelineKind kind, UUID refId, Instant at,
                     Map<String, Object> attributes) {
        TimelineEntry entry = TimelineEntry.of(supportCase, kind, refId, at, attributes);
        entry.id = eventId;
        em.persist(entry);
    }
}
