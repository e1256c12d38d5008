package jp.tsunagu.bench;

import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many methods the JIT compilers of the four services have compiled so far (HotSpot's
 * performance counters, read with {@code jcmd}): a series measured while the count still climbs
 * measures the JIT's work along with the requests'.
 */
final class JitCompilations {

    private static final Pattern COMPILES = Pattern.compile("^sun\\.ci\\.(standard|osr)Compiles=(\\d+)$", Pattern.MULTILINE);

    private JitCompilations() {
    }

    /** The methods compiled by all four services since they started. */
    static long total(Layout layout) throws IOException, InterruptedException {
        long total = 0;
        for (Service service : Service.values()) {
            total += of(SystemCpu.pidOf(layout, service));
        }
        return total;
    }

    static long of(long pid) throws IOException, InterruptedException {
        Matcher counters = COMPILES.matcher(Jcmd.run(pid, "PerfCounter.print"));
        long compiled = 0;
        while (counters.find()) {
            compiled += Long.parseLong(counters.group(2));
        }
        return compiled;
    }
}
