package jp.tsunagu.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations of one series, and their p50, p99 and max in milliseconds (nearest rank). */
public final class Latencies {

    private final String name;
    private final List<Long> nanos = new ArrayList<>();

    public Latencies(String name) {
        this.name = name;
    }

    public void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    public void addAll(Latencies other) {
        nanos.addAll(other.nanos);
    }

    public int count() {
        return nanos.size();
    }

    public double percentileMillis(double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1_000_000.0;
    }

    public double maxMillis() {
        return nanos.isEmpty() ? Double.NaN : Collections.max(nanos) / 1_000_000.0;
    }

    /** One line of the table: name, count, p50, p99, max. */
    public String line() {
        return String.format("%-44s %6d %10.1f %10.1f %10.1f", name, count(), percentileMillis(50), percentileMillis(99),
                maxMillis());
    }

    public static String header() {
        return String.format("%-44s %6s %10s %10s %10s", "series (milliseconds)", "n", "p50", "p99", "max");
    }
}
