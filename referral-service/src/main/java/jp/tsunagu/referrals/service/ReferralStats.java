package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.StatusReasonCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The center's referral statistics for a period: counts and durations only, per agency and
 * overall, never a case, a person or a text. Counted by the database (a handful of aggregate
 * queries over {@code referral}, whatever the number of referrals); no referral is loaded.
 * <p>
 * A referral counts in the period it was sent ({@code requestedAt}, Tokyo days); drafts never sent
 * are not counted. The agencies' figures are of the center's referrals out to them (inbound ones
 * are counted apart); a referral entered in error should never have existed and is only counted in
 * {@code byStatus}.
 */
@ApplicationScoped
@Transactional
public class ReferralStats {

    /** How far back a period may reach. */
    static final int MAX_YEARS = 5;
    /** The default period: the last 365 days, today included. */
    static final int DEFAULT_DAYS = 365;

    @Schema(description = "Counts of the caller's center for the period; de-identified: no case, person or text")
    public record Stats(@Schema(description = "First day (Tokyo) of the period") LocalDate from,
                        @Schema(description = "Last day (Tokyo), inclusive") LocalDate to,
                        @Schema(description = "Per agency referred to in the period, by agencyId")
                        List<AgencyStats> agencies,
                        @Schema(description = "Referrals out sent in the period, by their status now (ENTERED_IN_ERROR included)")
                        Map<ReferralStatus, Long> byStatus,
                        @Schema(description = "Referrals out sent in the period, by purpose (not those entered in error)")
                        Map<ReferralPurpose, Long> byPurpose,
                        InboundStats inbound) {
    }

    @Schema(description = "How one agency answered the center's referrals sent in the period. accepted counts those it"
            + " accepted whatever came after; rejected, completed, cancelled and failed count where they ended;"
            + " those still open are in requested only")
    public record AgencyStats(String agencyId, AgencyKind agencyKind,
                              @Schema(description = "Sent in the period") long requested,
                              long accepted, long rejected, long completed, long cancelled, long failed,
                              @Schema(description = "From sending to the agency's first read through the partner API"
                                      + " (answers given by phone or fax have no read)")
                              Minutes toFirstView,
                              @Schema(description = "From sending to acceptance or rejection") Minutes toAnswer,
                              @Schema(description = "From sending to completion") Minutes toCompletion,
                              @Schema(description = "The rejections by reason code")
                              Map<StatusReasonCode, Long> rejectionReasons) {
    }

    @Schema(description = "A duration in minutes over the referrals that reached the point; median and p90 are"
            + " interpolated percentiles (PostgreSQL percentile_cont), rounded to 0.1, null when measured is 0")
    public record Minutes(@Schema(description = "How many referrals the duration is taken from") long measured,
                          Double median, Double p90) {
    }

    @Schema(description = "Referrals agencies sent to the center in the period")
    public record InboundStats(long received, @Schema(description = "Of those, how many the center opened a case from")
                               long openedAsCase) {
    }

    private static final String OUTBOUND = """
            from referral where center_id = :center and direction = 'OUTBOUND'
            and requested_at >= :start and requested_at < :end""";
    private static final String COUNTED = OUTBOUND + " and status <> 'ENTERED_IN_ERROR'";

    private final EntityManager em;
    private final CallerScope caller;
    private final Clock clock;

    ReferralStats(EntityManager em, CallerScope caller, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * The caller's center's figures from {@code from} to {@code to} (Tokyo days, inclusive); by
     * default the last 365 days up to today, or 365 days from {@code from} or up to {@code to}.
     */
    @Audited(action = "referral.stats.read", objectType = "center")
    public Stats forPeriod(Optional<LocalDate> from, Optional<LocalDate> to) {
        LocalDate last = to.orElseGet(() -> from.map(f -> f.plusDays(DEFAULT_DAYS - 1))
                .orElseGet(() -> Tokyo.day(clock.instant())));
        LocalDate first = from.orElseGet(() -> last.minusDays(DEFAULT_DAYS - 1));
        if (last.isBefore(first)) {
            throw new InvalidRequestException("to", "must be on or after from");
        }
        if (first.plusYears(MAX_YEARS).isBefore(last)) {
            throw new InvalidRequestException("to", "a period spans " + MAX_YEARS + " years at most");
        }
        Map<String, Object> period = Map.of("center", caller.requireCenter(),
                "start", Tokyo.startOf(first), "end", Tokyo.startOf(last.plusDays(1)));
        Map<String, Map<StatusReasonCode, Long>> reasons = rejectionReasons(period);
        List<AgencyStats> agencies = rows("""
                select agency_id, agency_kind, count(*),
                  count(*) filter (where answered_at is not null and status <> 'REJECTED'),
                  count(*) filter (where status = 'REJECTED'),
                  count(*) filter (where status = 'COMPLETED'),
                  count(*) filter (where status = 'CANCELLED'),
                  count(*) filter (where status = 'FAILED'),
                """ + minutesTo("first_viewed_at") + ",\n" + minutesTo("answered_at") + ",\n" + minutesTo("completed_at")
                + "\n" + COUNTED + " group by agency_id, agency_kind order by agency_id", period).stream()
                .map(row -> new AgencyStats((String) row[0], AgencyKind.valueOf((String) row[1]), count(row[2]), count(row[3]),
                        count(row[4]), count(row[5]), count(row[6]), count(row[7]), minutes(row, 8), minutes(row, 11),
                        minutes(row, 14), reasons.getOrDefault((String) row[0], Map.of())))
                .toList();
        Object[] inbound = rows("""
                select count(*), count(case_id) from referral where center_id = :center and direction = 'INBOUND'
                and status <> 'ENTERED_IN_ERROR' and requested_at >= :start and requested_at < :end""", period).get(0);
        return new Stats(first, last, agencies,
                grouped("select status, count(*) " + OUTBOUND + " group by status", period, ReferralStatus.class),
                grouped("select purpose, count(*) " + COUNTED + " group by purpose", period, ReferralPurpose.class),
                new InboundStats(count(inbound[0]), count(inbound[1])));
    }

    /** Rejections per agency by reason code. */
    private Map<String, Map<StatusReasonCode, Long>> rejectionReasons(Map<String, Object> period) {
        Map<String, Map<StatusReasonCode, Long>> reasons = new HashMap<>();
        rows("select agency_id, status_reason_code, count(*) " + COUNTED
                + " and status = 'REJECTED' and status_reason_code is not null group by agency_id, status_reason_code", period)
                .forEach(row -> reasons.computeIfAbsent((String) row[0], a -> new EnumMap<>(StatusReasonCode.class))
                        .put(StatusReasonCode.valueOf((String) row[1]), count(row[2])));
        return reasons;
    }

    /** Three columns: how many reached {@code column}, and the median and 90th percentile of the minutes it took. */
    private static String minutesTo(String column) {
        String minutes = "(extract(epoch from " + column + " - requested_at) / 60)::float8";
        return "  count(" + column + "), percentile_cont(0.5) within group (order by " + minutes + "),"
                + " percentile_cont(0.9) within group (order by " + minutes + ")";
    }

    private static Minutes minutes(Object[] row, int at) {
        return new Minutes(count(row[at]), tenth(row[at + 1]), tenth(row[at + 2]));
    }

    private static Double tenth(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private <E extends Enum<E>> Map<E, Long> grouped(String sql, Map<String, Object> parameters, Class<E> type) {
        Function<Object, E> key = name -> Enum.valueOf(type, (String) name);
        Map<E, Long> counts = new EnumMap<>(type);
        rows(sql, parameters).forEach(row -> counts.put(key.apply(row[0]), count(row[1])));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
