package jp.tsunagu.visits.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.platform.time.Tokyo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The watch on a case's visits so that nobody is forgotten: the last visit, the last time the
 * person was met, how many visits since then did not meet them, and when the next visit is due
 * (the agreed one, else the last visit plus the plan's interval). Recomputed on every change.
 */
@Entity
@Table(name = "cadence")
public class Cadence extends PanacheEntityBase {

    /** Visits that count for the cadence: to the person, not sessions with the family at the center. */
    static final Set<VisitKind> OUTREACH_KINDS = EnumSet.of(VisitKind.HOME, VisitKind.OUTING, VisitKind.ACCOMPANIMENT);
    static final Set<NextVisitConsent> HOLDS = EnumSet.of(NextVisitConsent.AGREED, NextVisitConsent.NO_EXPLICIT_REFUSAL);

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "center_id")
    public String centerId;
    @Column(name = "last_visit_on")
    public LocalDate lastVisitOn;
    @Column(name = "last_met_on")
    public LocalDate lastMetOn;
    @Column(name = "not_met_streak")
    public int notMetStreak;
    @Column(name = "interval_days")
    public Integer intervalDays;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Recomputes from the case's visits (any order) and its plan, if any. */
    public void recompute(List<Visit> visits, Optional<VisitPlan> plan, Instant now) {
        List<Visit> counted = visits.stream()
                .filter(Visit::isRecorded)
                .filter(v -> v.outcome != VisitOutcome.CANCELLED && OUTREACH_KINDS.contains(v.kind))
                .sorted(Comparator.comparing((Visit v) -> v.occurredAt))
                .toList();
        Optional<Visit> last = counted.isEmpty() ? Optional.empty() : Optional.of(counted.get(counted.size() - 1));
        Optional<Visit> lastMet = counted.stream().filter(v -> v.outcome == VisitOutcome.MET_SUBJECT)
                .reduce((a, b) -> b);
        lastVisitOn = last.map(v -> Tokyo.day(v.occurredAt)).orElse(null);
        lastMetOn = lastMet.map(v -> Tokyo.day(v.occurredAt)).orElse(null);
        notMetStreak = (int) counted.stream()
                .filter(v -> lastMet.isEmpty() || v.occurredAt.isAfter(lastMet.get().occurredAt)).count();
        intervalDays = plan.map(p -> p.intervalDays).orElse(null);
        dueOn = last.map(this::dueAfter)
                .orElseGet(() -> plan.map(p -> Tokyo.day(p.updatedAt).plusDays(p.intervalDays)).orElse(null));
        updatedAt = now;
    }

    private LocalDate dueAfter(Visit last) {
        if (last.nextVisitConsent != null && HOLDS.contains(last.nextVisitConsent)) {
            if (last.nextVisitAt != null) {
                return Tokyo.day(last.nextVisitAt);
            }
            if (last.nextVisitIntervalDays != null) {
                return Tokyo.day(last.occurredAt).plusDays(last.nextVisitIntervalDays);
            }
        }
        return intervalDays == null ? null : Tokyo.day(last.occurredAt).plusDays(intervalDays);
    }

    public boolean isOverdue(LocalDate today) {
        return dueOn != null && dueOn.isBefore(today);
    }

    public long daysOverdue(LocalDate today) {
        return isOverdue(today) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }

    /** 1 once overdue, 2 after a further interval, ...: each level is reported once. */
    public int intervalsMissed(LocalDate today) {
        if (!isOverdue(today)) {
            return 0;
        }
        int interval = intervalDays != null && intervalDays > 0 ? intervalDays : 14;
        return 1 + (int) (daysOverdue(today) / interval);
    }
}
