package jp.tsunagu.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The medians of several starts of one application with one set of JVM options (seconds, MiB), failures added up. */
record FootprintFigures(int starts, double readySeconds, double cpuSeconds, double firstCallSeconds, double quarkusSeconds, double rssMib,
                        double pssMib, int failures) {

    static FootprintFigures medianOf(List<FootprintRun.Start> starts) {
        return new FootprintFigures(starts.size(), median(starts, FootprintRun.Start::readySeconds),
                median(starts, FootprintRun.Start::cpuSeconds),
                median(starts, FootprintRun.Start::firstCallSeconds), median(starts, FootprintRun.Start::quarkusSeconds),
                median(starts, start -> start.afterLoad().rssMib()), median(starts, start -> start.afterLoad().pssMib()),
                starts.stream().mapToInt(FootprintRun.Start::failures).sum());
    }

    String line(String name) {
        return String.format("%-38s %7.1f %7.1f %7.1f %7.1f %7.0f %7.0f %6d", name, readySeconds, cpuSeconds, firstCallSeconds,
                quarkusSeconds,
                rssMib, pssMib, failures);
    }

    static String header(String first) {
        return String.format("%-38s %7s %7s %7s %7s %7s %7s %6s", first, "ready s", "cpu s", "call s", "quarkus", "RSS MiB",
                "PSS MiB",
                "failed");
    }

    private static double median(List<FootprintRun.Start> starts, ToDoubleFunction<FootprintRun.Start> figure) {
        double[] sorted = starts.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
