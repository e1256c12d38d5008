package jp.tsunagu.cases.domain;

import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of an activity report as they are gathered, before masking: every item of every
 * section starts at zero, and the rules of what counts where are here.
 */
public final class ActivityTally {

    private final Map<ReportSection, Map<String, Long>> cells = new EnumMap<>(ReportSection.class);

    public ActivityTally() {
        for (ReportSection section : ReportSection.values()) {
            Map<String, Long> items = new LinkedHashMap<>();
            section.items().forEach(item -> items.put(item, 0L));
            cells.put(section, items);
        }
    }

    /** Adds to one cell; an item outside the section's closed set is a fault, never dropped silently. */
    public ActivityTally add(ReportSection section, String item, long count) {
        Map<String, Long> items = cells.get(section);
        if (!items.containsKey(item)) {
            throw new IllegalArgumentException(item + " is not an item of " + section);
        }
        items.merge(item, count, Long::sum);
        return this;
    }

    public ActivityTally addAll(ReportSection section, Map<String, Long> counts) {
        counts.forEach((item, count) -> add(section, item, count));
        return this;
    }

    /**
     * Visits learned from visit-service: a home visit counts by its outcome, any other kind by its
     * kind; a cancelled visit did not take place and counts nowhere.
     */
    public ActivityTally visits(VisitKind kind, VisitOutcome outcome, long count) {
        if (outcome == VisitOutcome.CANCELLED) {
            return this;
        }
        return kind == VisitKind.HOME ? add(ReportSection.HOME_VISITS_BY_OUTCOME, outcome.name(), count)
                : add(ReportSection.OTHER_VISITS_BY_KIND, kind.name(), count);
    }

    /**
     * Consultations of the period alike in channel, who and relation: by channel, by who, and, with
     * the family, by relation (UNKNOWN when none was recorded).
     */
    public ActivityTally consultations(String channel, String with, String relation, long count) {
        add(ReportSection.CONSULTATIONS_BY_CHANNEL, channel, count);
        add(ReportSection.CONSULTATIONS_BY_WITH, with, count);
        if ("FAMILY".equals(with)) {
            add(ReportSection.FAMILY_CONSULTATIONS_BY_RELATION, relation == null ? "UNKNOWN" : relation, count);
        }
        return this;
    }

    /**
     * Inquiries of the period alike in every counted fact: in the total, by channel, by who, by age
     * band (UNKNOWN when not given), by where they were referred (those referred nowhere are not
     * there), and among those that became a case.
     */
    public ActivityTally inquiries(String channel, String with, String ageBand, String referredTo, boolean becameCase,
                                   long count) {
        add(ReportSection.INQUIRIES, "TOTAL", count);
        if (becameCase) {
            add(ReportSection.INQUIRIES, "BECAME_CASE", count);
        }
        add(ReportSection.INQUIRIES_BY_CHANNEL, channel, count);
        add(ReportSection.INQUIRIES_BY_WITH, with, count);
        add(ReportSection.INQUIRIES_BY_AGE_BAND, ageBand == null ? "UNKNOWN" : ageBand, count);
        if (referredTo != null) {
            add(ReportSection.INQUIRIES_BY_REFERRED_TO, referredTo, count);
        }
        return this;
    }

    /**
     * A case of the period, new (opened in it) or ongoing: its subject counted by age band (from the
     * birth date, or else the birth year) and by length of withdrawal, both on the period's last day.
     */
    public ActivityTally caseOfPeriod(boolean opened, LocalDate lastDay, LocalDate birthDate, Integer birthYear,
                                      String withdrawalSince) {
        add(ReportSection.CASES, opened ? "NEW" : "ONGOING", 1);
        add(ReportSection.SUBJECTS_BY_AGE_BAND, AgeBand.on(lastDay, birthDate, birthYear).name(), 1);
        return add(ReportSection.SUBJECTS_BY_WITHDRAWAL_LENGTH, WithdrawalLength.on(lastDay, withdrawalSince).name(), 1);
    }

    /** The report of the period, its small cells masked by {@code mask}. */
    public ActivityReport report(ReportPeriod period, SmallCellMask mask) {
        Map<ReportSection, Map<String, Long>> shown = new EnumMap<>(ReportSection.class);
        cells.forEach((section, items) -> shown.put(section, new LinkedHashMap<>(mask.apply(items))));
        if (mask.below() != null) {
            secondarySuppression(shown, mask.below());
        }
        shown.replaceAll((section, items) -> Collections.unmodifiableMap(items));
        return new ActivityReport(period, mask.below(), Collections.unmodifiableMap(shown));
    }

    /** Masks too the cells from which a small cell could be worked out again ({@link SecondarySuppression}). */
    private void secondarySuppression(Map<ReportSection, Map<String, Long>> shown, int threshold) {
        Map<SecondarySuppression.Cell, Long> counts = new java.util.HashMap<>();
        java.util.Set<SecondarySuppression.Cell> masked = new java.util.HashSet<>();
        cells.forEach((section, items) -> items.forEach((item, count) -> {
            SecondarySuppression.Cell cell = new SecondarySuppression.Cell(section, item);
            counts.put(cell, count);
            if (shown.get(section).get(item) == null) {
                masked.add(cell);
            }
        }));
        SecondarySuppression.secondary(SecondarySuppression.ACTIVITY_REPORT, counts, masked, threshold)
                .forEach(cell -> shown.get(cell.section()).put(cell.item(), null));
    }
}
