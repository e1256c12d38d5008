package jp.tsunagu.visits.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.platform.time.Tokyo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The watch on a case's visits so that nobody is forgotten: the last visit, the last time the
 * person was met, how many visits since then did not meet them, and when the next visit is due
 * (the agreed one, else the last visit plus the plan's interval). Recomputed on every change, from
 * the few facts the database finds by index ({@link CadenceFacts}), never from the whole history.
 */
@Entity
@Table(name = "cadence")
public class Cadence extends PanacheEntityBase {

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

    /** Recomputes from what the case's visits come to ({@link CadenceFacts}) and its plan, if any. */
    public void recompute(CadenceFacts facts, Optional<VisitPlan> plan, Instant now) {
        lastVisitOn = facts.last().map(last -> Tokyo.day(last.occurredAt())).orElse(null);
        lastMetOn = facts.lastMetAt().map(Tokyo::day).orElse(null);
        notMetStreak = facts.notMetStreak();
        intervalDays = plan.map(p -> p.intervalDays).orElse(null);
        dueOn = facts.last().map(this::dueAfter)
                .orElseGet(() -> plan.map(p -> Tokyo.day(p.updatedAt).plusDays(p.intervalDays)).orElse(null));
        updatedAt = now;
    }

    private LocalDate dueAfter(CadenceFacts.LastVisit last) {
        if (last.holdsItsNextVisit()) {
            if (last.nextVisitAt() != null) {
                return Tokyo.day(last.nextVisitAt());
            }
            if (last.nextVisitIntervalDays() != null) {
                return Tokyo.day(last.occurredAt()).plusDays(last.nextVisitIntervalDays());
            }
        }
        return intervalDays == null ? null : Tokyo.day(last.occurredAt()).plusDays(intervalDays);
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
