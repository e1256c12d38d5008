package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.AuditScope;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.UnprocessableException;
import jp.tsunagu.referrals.domain.Actor;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyIds;
import jp.tsunagu.referrals.domain.InboundDetails;
import jp.tsunagu.referrals.domain.PartnerAccess;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralDirection;
import jp.tsunagu.referrals.domain.ReferralMoves;
import jp.tsunagu.referrals.domain.ReferralStep;
import jp.tsunagu.referrals.events.ReferralEvents;
import jp.tsunagu.referrals.security.ReferralAccess;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The partner side of referrals, for an agency's own system: its referrals (those a center sent it,
 * and those it sent a center) while it may see them, the first read of one it answers, its moves
 * and notes, the change feed, and its inbound referrals. Each act audited in its own transaction;
 * a referral with a case counts in that case's access log.
 */
@ApplicationScoped
@Transactional
public class PartnerReferrals {

    /** A referral with its whole story, oldest step first. */
    public record PartnerRecord(Referral referral, List<ReferralStep> steps) implements Identified {
        @Override
        public Object id() {
            return referral.id;
        }
    }

    public record Filter(Optional<ReferralStatus> status, Optional<ReferralDirection> direction) {
    }

    /** What an agency tells the center when it refers a household to it. */
    public record Inbound(String centerId, Set<ReferralReason> reasons, ReferralUrgency urgency, String sharedSummary,
                          InboundDetails details) {
    }

    /** A referral changed and still seen, or (without it) one whose access has ended: a tombstone. */
    public record Change(UUID referralId, Optional<Referral> visible) {
    }

    public record Changes(List<Change> changes, FeedPoint next, boolean more) {
    }

    /**
     * Where a reader of the change feed is: the last point of the change clock it was answered, and
     * the last referral whose access end it was told (by the closure time and id), so tombstones are
     * answered once each.
     */
    public record FeedPoint(long seq, Instant closedAfter, UUID afterId) {

        static final UUID LAST_ID = new UUID(-1L, -1L);

        public String token() {
            return Cursor.of(seq, closedAfter, afterId).encode();
        }

        /** The point a token names; no token: every referral seen now is a change, and nothing ended yet. */
        static FeedPoint of(Optional<String> token, Instant cutoff) {
            if (token.isEmpty()) {
                return new FeedPoint(0, cutoff, LAST_ID);
            }
            try {
                Cursor cursor = Cursor.decode(token.get());
                return new FeedPoint(Long.parseLong(cursor.part(0)), Instant.parse(cursor.part(1)),
                        UUID.fromString(cursor.part(2)));
            } catch (RuntimeException e) {
                throw new InvalidRequestException("since", "not a token this API gave out");
            }
        }
    }

    private static final String CLOSED = ReferralMoves.CLOSED.stream().map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final EntityManager em;
    private final ReferralAccess access;
    private final ReferralSteps steps;
    private final Outbox outbox;
    private final AuditScope audit;
    private final Clock clock;

    PartnerReferrals(EntityManager em, ReferralAccess access, ReferralSteps steps, Outbox outbox, AuditScope audit, Clock clock) {
        this.em = em;
        this.access = access;
        this.steps = steps;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The agency's referrals it still sees, newest sent first. Not a first view. */
    @Audited(action = "referral.partner-list", objectType = "referral")
    public Page<Referral> list(Filter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = seen(parameters, clock.instant());
        filter.status().ifPresent(status -> {
            sql.append(" and r.status = :status");
            parameters.put("status", status.name());
        });
        filter.direction().ifPresent(direction -> {
            sql.append(" and r.direction = :direction");
            parameters.put("direction", direction.name());
        });
        page.after().ifPresent(cursor -> {
            sql.append(" and (r.requested_at, r.id) < (:afterAt, :afterId)");
            parameters.put("afterAt", cursor.instant(0));
            parameters.put("afterId", cursor.uuid(1));
        });
        sql.append(" order by r.requested_at desc, r.id desc");
        Page<Referral> found = page.page(run(sql, parameters, page.limit() + 1), r -> Cursor.of(r.requestedAt, r.id));
        found.items().forEach(this::answered);
        return found;
    }

    /** One referral with its story; the first read of one the agency answers is its receipt. */
    @Audited(action = "referral.partner-read", objectType = "referral")
    public PartnerRecord get(@AuditObjectId UUID referralId) {
        Referral referral = access.partnerReadable(referralId, Optional.ofNullable(em.find(Referral.class, referralId)));
        if (receiptDue(referral)) {
            em.refresh(referral, LockModeType.PESSIMISTIC_WRITE); // two first reads at once: one receipt
            referral.viewedByAgency(receiptTime());
        }
        return new PartnerRecord(referral, steps.of(referralId));
    }

    /** The agency moves the referral as its side (409 with the allowed moves otherwise). */
    @Audited(action = "referral.partner-move", objectType = "referral")
    public PartnerRecord move(@AuditObjectId UUID referralId, ReferralService.Move move) {
        Referral referral = access.partnerReadable(referralId, steps.lock(referralId));
        if (receiptDue(referral)) {
            referral.viewedByAgency(receiptTime()); // answering without reading it first: it arrived all the same
        }
        steps.move(referral, move.to(), Actor.agency(access.caller().userId()), move.reason(), move.outcome(), move.note());
        return new PartnerRecord(referral, steps.of(referralId));
    }

    @Audited(action = "referral.partner-note", objectType = "referral")
    public PartnerRecord addNote(@AuditObjectId UUID referralId, String text) {
        Referral referral = access.partnerReadable(referralId, steps.lock(referralId));
        if (receiptDue(referral)) {
            referral.viewedByAgency(receiptTime());
        }
        steps.note(referral, text, Actor.agency(access.caller().userId()));
        return new PartnerRecord(referral, steps.of(referralId));
    }

    /**
     * The agency's referrals seen now that changed after the token's point of the change clock (a
     * move, a note, a first view), in the order they changed; then a tombstone for each referral
     * whose access ended (closure + 30 days) since the token was given. At most {@code limit} items;
     * {@code more} tells to ask again at once with the next point.
     */
    @Audited(action = "referral.partner-changes", objectType = "referral")
    public Changes changes(Optional<String> since, int limit) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(PartnerAccess.AFTER_CLOSURE);
        FeedPoint from = FeedPoint.of(since, cutoff);
        Map<String, Object> parameters = new HashMap<>(Map.of("since", from.seq()));
        StringBuilder sql = seen(parameters, now).append(" and r.change_seq > :since order by r.change_seq");
        List<Referral> changed = run(sql, parameters, limit + 1);
        if (changed.size() > limit) {
            List<Referral> page = changed.subList(0, limit);
            page.forEach(this::answered);
            return new Changes(page.stream().map(r -> new Change(r.id, Optional.of(r))).toList(),
                    new FeedPoint(page.get(limit - 1).changeSeq, from.closedAfter(), from.afterId()), true);
        }
        changed.forEach(this::answered);
        long seq = changed.isEmpty() ? from.seq() : changed.get(changed.size() - 1).changeSeq;
        int room = limit - changed.size();
        List<Referral> ended = ended(from, cutoff, room + 1);
        boolean more = ended.size() > room;
        List<Referral> told = more ? ended.subList(0, room) : ended;
        FeedPoint next = !more ? new FeedPoint(seq, cutoff, FeedPoint.LAST_ID)
                : told.isEmpty() ? new FeedPoint(seq, from.closedAfter(), from.afterId())
                : new FeedPoint(seq, told.get(told.size() - 1).closedAt, told.get(told.size() - 1).id);
        List<Change> all = new ArrayList<>(changed.stream().map(r -> new Change(r.id, Optional.of(r))).toList());
        told.forEach(r -> all.add(new Change(r.id, Optional.empty())));
        return new Changes(List.copyOf(all), next, more);
    }

    /**
     * An agency refers a household to a center: the agency is the token's, and must be in the
     * directory (422 otherwise); the center learns of it by {@code referral.inbound-received.v1}.
     */
    @Audited(action = "referral.inbound-receive", objectType = "referral")
    public PartnerRecord receive(Inbound inbound) {
        String agencyId = access.caller().requireAgency();
        Agency agency = Optional.ofNullable(AgencyIds.isWellFormed(agencyId) ? em.find(Agency.class, agencyId) : null)
                .orElseThrow(() -> new UnprocessableException("Your agency (" + agencyId + ") is not in the directory yet:"
                        + " ask the center to add it before sending referrals"));
        Referral referral = Referral.inbound(inbound.centerId(), agency, inbound.reasons(), inbound.urgency(),
                inbound.sharedSummary(), inbound.details(), access.caller().userId(), clock.instant());
        em.persist(referral);
        em.flush();
        ReferralStep first = steps.begin(referral, Actor.agency(access.caller().userId()));
        outbox.append(ReferralEvents.inboundReceived(referral));
        return new PartnerRecord(referral, List.of(first));
    }

    /**
     * Whether this act is the agency's first look at a referral it answers (its receipt). An agency
     * reading an inbound referral it sent itself is no receipt: only the answering side's counts.
     */
    private static boolean receiptDue(Referral referral) {
        return referral.answeringSide() == Party.AGENCY && referral.firstViewedAt == null;
    }

    /** Now, as the database keeps it (microseconds): the receipt answered first is the one read later. */
    private Instant receiptTime() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** An answered referral with a case is a read of that case: the entry goes to its access log too. */
    private void answered(Referral referral) {
        audit.concerns(referral.caseId, referral.centerId);
    }

    /** The caller's agency's referrals it sees at {@code now}: sent (never a draft), open or closed less than 30 days ago. */
    private StringBuilder seen(Map<String, Object> parameters, Instant now) {
        parameters.put("agency", access.caller().requireAgency());
        parameters.put("cutoff", now.minus(PartnerAccess.AFTER_CLOSURE));
        return new StringBuilder("select r.* from referral r where r.agency_id = :agency and r.requested_at is not null"
                + " and r.status <> 'DRAFT' and (r.status not in " + CLOSED + " or r.closed_at > :cutoff)");
    }

    /** The agency's sent referrals whose access ended after the point and by the cutoff, in the order it ended. */
    private List<Referral> ended(FeedPoint from, Instant cutoff, int limit) {
        Map<String, Object> parameters = new HashMap<>(Map.of("agency", access.caller().requireAgency(), "cutoff", cutoff,
                "afterClosed", from.closedAfter(), "afterId", from.afterId()));
        StringBuilder sql = new StringBuilder("select r.* from referral r where r.agency_id = :agency"
                + " and r.requested_at is not null and r.status in " + CLOSED + " and r.closed_at <= :cutoff"
                + " and (r.closed_at, r.id) > (:afterClosed, :afterId) order by r.closed_at, r.id");
        return run(sql, parameters, limit);
    }

    @SuppressWarnings("unchecked")
    private List<Referral> run(StringBuilder sql, Map<String, Object> parameters, int limit) {
        var query = em.createNativeQuery(sql.toString(), Referral.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }
}
