package jp.tsunagu.bench;

import java.util.List;

/** What one load run measured: requests (or transactions) per second and their latencies, failures apart. */
record Throughput(String name, int clients, Latencies latencies, double seconds, int failures, List<String> firstFailures) {

    double perSecond() {
        return latencies.count() / seconds;
    }

    String line() {
        return String.format("%-34s %7d %9.1f %8.1f %8.1f %8d", name, clients, perSecond(), latencies.percentileMillis(50),
                latencies.percentileMillis(99), failures);
    }

    static String header() {
        return String.format("%-34s %7s %9s %8s %8s %8s", "series", "clients", "per s", "p50 ms", "p99 ms", "failed");
    }

    /** Several runs of one series as one: their requests, time and failures together. */
    static Throughput merged(String name, List<Throughput> runs) {
        Latencies all = new Latencies(name);
        runs.forEach(run -> all.addAll(run.latencies()));
        return new Throughput(name, runs.getFirst().clients(), all, runs.stream().mapToDouble(Throughput::seconds).sum(),
                runs.stream().mapToInt(Throughput::failures).sum(),
                runs.stream().flatMap(run -> run.firstFailures().stream()).limit(5).toList());
    }
}
