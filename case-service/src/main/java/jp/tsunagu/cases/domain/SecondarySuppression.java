package jp.tsunagu.cases.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secondary suppression (二次秘匿) of a masked export: a small cell masked alone can be worked out
 * again when the cells it adds up with are known. In the activity report, the consultations by
 * channel and by who add up to the same number, and so do intakes and new cases, the subjects by
 * age band, by withdrawal length and the new and ongoing cases, the inquiries in total, by channel,
 * by who and by age band. Where such a sum is known (one of its groups is shown whole), a group
 * with one masked cell gives it away (the sum less the rest), and so does a group whose masked
 * cells can only be all ones or all at the threshold less one. Such a group gets its smallest
 * shown non-zero cell masked too; a group that has none left makes the sum itself unknown: the
 * smallest non-zero cell of each group shown whole is masked. Repeated until nothing gives a
 * masked cell away.
 */
public final class SecondarySuppression {

    /** One cell of the export: an item of a section. */
    public record Cell(ReportSection section, String item) {
    }

    /** Groups of cells that each add up to the same number. */
    public record Sum(List<List<Cell>> groups) {
    }

    /** The sums of the activity report, from the definitions of {@link ReportSection}. */
    public static final List<Sum> ACTIVITY_REPORT = List.of(
            new Sum(List.of(all(ReportSection.CONSULTATIONS_BY_CHANNEL), all(ReportSection.CONSULTATIONS_BY_WITH))),
            new Sum(List.of(List.of(new Cell(ReportSection.CONSULTATIONS_BY_WITH, "FAMILY")),
                    all(ReportSection.FAMILY_CONSULTATIONS_BY_RELATION))),
            new Sum(List.of(List.of(new Cell(ReportSection.CASES, "NEW")), all(ReportSection.INTAKES_BY_CHANNEL))),
            new Sum(List.of(List.of(new Cell(ReportSection.CASES, "NEW"), new Cell(ReportSection.CASES, "ONGOING")),
                    all(ReportSection.SUBJECTS_BY_AGE_BAND), all(ReportSection.SUBJECTS_BY_WITHDRAWAL_LENGTH))),
            new Sum(List.of(List.of(new Cell(ReportSection.INQUIRIES, "TOTAL")), all(ReportSection.INQUIRIES_BY_CHANNEL),
                    all(ReportSection.INQUIRIES_BY_WITH), all(ReportSection.INQUIRIES_BY_AGE_BAND))));

    private SecondarySuppression() {
    }

    /**
     * The cells to mask besides {@code masked} so that no masked cell can be worked out from the sums.
     *
     * @param counts    every cell's true count
     * @param masked    the cells masked already (small cells); not changed
     * @param threshold the smallest count shown
     */
    public static Set<Cell> secondary(List<Sum> sums, Map<Cell, Long> counts, Set<Cell> masked, int threshold) {
        Set<Cell> hidden = new HashSet<>(masked);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum sum : sums) {
                changed |= protect(sum, counts, hidden, threshold);
            }
        }
        hidden.removeAll(masked);
        return hidden;
    }

    /** Masks more of one sum if a masked cell of it can be worked out; whether it masked any. */
    private static boolean protect(Sum sum, Map<Cell, Long> counts, Set<Cell> hidden, int threshold) {
        Optional<Long> known = sum.groups().stream().filter(group -> group.stream().noneMatch(hidden::contains)).findFirst()
                .map(group -> total(group, counts));
        if (known.isEmpty()) {
            return false;
        }
        for (List<Cell> group : sum.groups()) {
            if (givesAway(group, known.get(), counts, hidden, threshold)) {
                int before = hidden.size();
                Optional<Cell> more = smallestShown(group, counts, hidden);
                if (more.isPresent()) {
                    hidden.add(more.get());
                } else {
                    sum.groups().stream().filter(g -> g.stream().noneMatch(hidden::contains)).toList()
                            .forEach(whole -> smallestShown(whole, counts, hidden).ifPresent(hidden::add));
                }
                if (hidden.size() > before) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean givesAway(List<Cell> group, long known, Map<Cell, Long> counts, Set<Cell> hidden, int threshold) {
        List<Cell> masked = group.stream().filter(hidden::contains).toList();
        if (masked.isEmpty()) {
            return false;
        }
        long rest = known - total(group.stream().filter(cell -> !hidden.contains(cell)).toList(), counts);
        int k = masked.size();
        return k == 1 || rest == k || rest == (long) k * (threshold - 1);
    }

    private static Optional<Cell> smallestShown(List<Cell> group, Map<Cell, Long> counts, Set<Cell> hidden) {
        return group.stream().filter(cell -> !hidden.contains(cell) && counts.getOrDefault(cell, 0L) > 0)
                .min(Comparator.comparingLong(cell -> counts.getOrDefault(cell, 0L)));
    }

    private static long total(List<Cell> group, Map<Cell, Long> counts) {
        return group.stream().mapToLong(cell -> counts.getOrDefault(cell, 0L)).sum();
    }

    private static List<Cell> all(ReportSection section) {
        List<Cell> cells = new ArrayList<>();
        section.items().forEach(item -> cells.add(new Cell(section, item)));
        return List.copyOf(cells);
    }
}
