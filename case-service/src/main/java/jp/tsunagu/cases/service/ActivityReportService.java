package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.ActivityReport;
import jp.tsunagu.cases.domain.ActivityTally;
import jp.tsunagu.cases.domain.ReportPeriod;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.security.CallerScope;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;

import static jp.tsunagu.cases.domain.ReportSection.CASES;
import static jp.tsunagu.cases.domain.ReportSection.HOME_VISIT_ENDINGS_BY_REASON;
import static jp.tsunagu.cases.domain.ReportSection.INTAKES_BY_CHANNEL;
import static jp.tsunagu.cases.domain.ReportSection.REFERRALS_BY_AGENCY_KIND;

/**
 * A center's activity report (活動実績報告) for a period of Tokyo days: counts only, of the caller's
 * center only, small cells masked for any reader but a supervisor ({@link SmallCells}). Each
 * count reads one table by the center's index over the period; what counts where is decided in
 * {@link ActivityTally} and {@link jp.tsunagu.cases.domain.ReportSection}.
 */
@ApplicationScoped
@Transactional
public class ActivityReportService {

    private static final String IN_PERIOD = " where center_id = :center and occurred_at >= :start and occurred_at < :end";

    /**
     * The cases of the period, and whether each was opened in it (else it is ongoing): opened before
     * its end, and opened in it, or open when it started (its last closure before then, if any,
     * followed by a reopening), or reopened in it. Only what the age band and the length of
     * withdrawal need of the subject.
     */
    private static final String CASES_OF_PERIOD = """
            select c.opened_at >= :start, c.birth_date, c.birth_year, c.withdrawal_since
              from support_case c
             where c.center_id = :center and c.opened_at < :end
               and (c.opened_at >= :start
                    or coalesce((select l.kind from lifecycle_change l
                                  where l.case_id = c.id and l.kind in ('CLOSED', 'REOPENED') and l.changed_at < :start
                                  order by l.changed_at desc limit 1), 'REOPENED') = 'REOPENED'
                    or exists (select 1 from lifecycle_change l
                                where l.case_id = c.id and l.kind = 'REOPENED'
                                  and l.changed_at >= :start and l.changed_at < :end))
            """;

    private final NativeCounts counts;
    private final CallerScope caller;
    private final SmallCells smallCells;

    ActivityReportService(EntityManager em, CallerScope caller, SmallCells smallCells) {
        this.counts = new NativeCounts(em);
        this.caller = caller;
        this.smallCells = smallCells;
    }

    @Audited(action = "report.activity.read", objectType = "center")
    public ActivityReport forPeriod(ReportPeriod period) {
        Map<String, Object> p = Map.of("center", caller.requireCenter(), "start", period.start(), "end", period.end());
        ActivityTally tally = new ActivityTally();

        // consultations of cases (current versions), and the first consultation of the cases opened
        for (Object[] row : counts.rows("select channel, consulted_with, relation, count(*) from consultation"
                + IN_PERIOD + " group by 1, 2, 3", p)) {
            tally.consultations((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue());
        }
        tally.addAll(INTAKES_BY_CHANNEL, counts.grouped("select intake_channel, count(*) from support_case"
                + " where center_id = :center and opened_at >= :start and opened_at < :end group by 1", p));

        // cases new and ongoing, and their subjects; cases closed
        for (Object[] row : counts.rows(CASES_OF_PERIOD, p)) {
            tally.caseOfPeriod((Boolean) row[0], period.to(), day(row[1]), (Integer) row[2], (String) row[3]);
        }
        tally.add(CASES, "CLOSED", counts.count("select count(distinct case_id) from timeline_entry" + IN_PERIOD
                + " and kind = 'CASE_CLOSED'", p));

        // what the case learned from visit-service and referral-service, and the ends of home visits
        for (Object[] row : counts.rows("select attributes ->> 'kind', attributes ->> 'outcome', count(*)"
                + " from timeline_entry" + IN_PERIOD + " and kind = 'VISIT_RECORDED' group by 1, 2", p)) {
            tally.visits(VisitKind.valueOf((String) row[0]), VisitOutcome.valueOf((String) row[1]), ((Number) row[2]).longValue());
        }
        tally.addAll(REFERRALS_BY_AGENCY_KIND, counts.grouped(NativeCounts.entriesBy("REFERRAL_REQUESTED", "agencyKind"), p));
        tally.addAll(HOME_VISIT_ENDINGS_BY_REASON, counts.grouped(NativeCounts.entriesBy("HOME_VISITS_ENDED", "reason"), p));

        // inquiries that are not (yet) a case
        for (Object[] row : counts.rows("select channel, consulted_with, age_band, referred_to, case_id is not null,"
                + " count(*) from inquiry" + IN_PERIOD + " group by 1, 2, 3, 4, 5", p)) {
            tally.inquiries((String) row[0], (String) row[1], (String) row[2], (String) row[3], (Boolean) row[4],
                    ((Number) row[5]).longValue());
        }

        return tally.report(period, smallCells.forCaller());
    }

    private static LocalDate day(Object column) {
        return column instanceof Date date ? date.toLocalDate() : (LocalDate) column;
    }
}
