package jp.tsunagu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The results file of a day, {@code bench/results/<date>.md}: the machine once at its top, then
 * each program's figures as it printed them, so that a reader sees progress without running anything.
 */
final class Results {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private Results() {
    }

    /** Appends one program's figures (the lines it printed) under its name and the time. */
    static Path append(Path repository, String program, List<String> lines) throws IOException {
        Path file = repository.resolve("bench/results").resolve(LocalDate.now(TOKYO) + ".md");
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file)) {
            text.append("# Benchmark results, ").append(LocalDate.now(TOKYO)).append("\n\n").append(machine()).append('\n');
        }
        text.append("## ").append(program).append(", ")
                .append(ZonedDateTime.now(TOKYO).format(DateTimeFormatter.ofPattern("HH:mm z"))).append("\n\n```\n");
        lines.forEach(line -> text.append(line).append('\n'));
        text.append("```\n\n");
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return file;
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getTotalMemorySize() : -1;
        return String.format("Machine: %s %s, %d cores, %.1f GiB memory; bench JVM %s %s.%n", os.getName(), os.getVersion(),
                os.getAvailableProcessors(), memory / (1024.0 * 1024 * 1024), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
    }
}
