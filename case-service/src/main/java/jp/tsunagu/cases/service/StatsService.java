package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.ReportPeriod;
import jp.tsunagu.cases.domain.SmallCellMask;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.security.CallerScope;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * De-identified counts of a center for a period: only numbers by enum, never a case, a name or
 * a date of a person. Visits and referrals are counted from the events the case-service learned.
 * Small cells are masked for any reader but a supervisor of the center ({@link SmallCells}).
 */
@ApplicationScoped
@Transactional
public class StatsService {

    /** The counts; a masked one is {@code null}, a key missing from a map is zero. */
    public record Stats(LocalDate from, LocalDate to, Integer maskedBelow, Long newCases,
                        Map<String, Long> openCasesByPhase, Map<String, Long> visitsByOutcome, Long crises,
                        Map<String, Long> referralsByAgencyKind, Map<String, Long> homeVisitEndingsByReason,
                        Long closures) {
    }

    private final NativeCounts counts;
    private final CallerScope caller;
    private final SmallCells smallCells;

    StatsService(EntityManager em, CallerScope caller, SmallCells smallCells) {
        this.counts = new NativeCounts(em);
        this.caller = caller;
        this.smallCells = smallCells;
    }

    /** {@code to} is inclusive; days are Tokyo days. */
    @Audited(action = "stats.read", objectType = "center")
    public Stats forPeriod(ReportPeriod period) {
        SmallCellMask mask = smallCells.forCaller();
        Map<String, Object> center = Map.of("center", caller.requireCenter());
        Map<String, Object> inPeriod = Map.of("center", caller.requireCenter(), "start", period.start(), "end", period.end());
        return new Stats(period.from(), period.to(), mask.below(),
                mask.apply(counts.count("select count(*) from support_case where center_id = :center"
                        + " and opened_at >= :start and opened_at < :end", inPeriod)),
                sorted(mask, "select phase, count(*) from support_case where center_id = :center and status = 'OPEN'"
                        + " group by phase", center),
                sorted(mask, NativeCounts.entriesBy("VISIT_RECORDED", "outcome"), inPeriod),
                mask.apply(counts.count("select count(*) from timeline_entry where center_id = :center"
                        + " and kind = 'CRISIS_REPORTED' and occurred_at >= :start and occurred_at < :end", inPeriod)),
                sorted(mask, NativeCounts.entriesBy("REFERRAL_REQUESTED", "agencyKind"), inPeriod),
                sorted(mask, NativeCounts.entriesBy("HOME_VISITS_ENDED", "reason"), inPeriod),
                mask.apply(counts.count("select count(*) from timeline_entry where center_id = :center"
                        + " and kind = 'CASE_CLOSED' and occurred_at >= :start and occurred_at < :end", inPeriod)));
    }

    private Map<String, Long> sorted(SmallCellMask mask, String sql, Map<String, Object> parameters) {
        return mask.apply(new TreeMap<>(counts.grouped(sql, parameters)));
    }
}
