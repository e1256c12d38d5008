package jp.tsunagu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a process holds in memory, from Linux' {@code /proc}: its resident set (VmRSS of
 * {@code status}) and its proportional set (Pss of {@code smaps_rollup}: each shared page divided
 * among the processes that map it, so that the PSS of several processes adds up), in KiB.
 */
record ProcessMemory(long rssKib, long pssKib) {

    /** The process's memory now, or empty when it is gone. */
    static Optional<ProcessMemory> of(long pid) {
        try {
            return Optional.of(new ProcessMemory(field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:"),
                    field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    ProcessMemory plus(ProcessMemory other) {
        return new ProcessMemory(rssKib + other.rssKib, pssKib + other.pssKib);
    }

    double rssMib() {
        return rssKib / 1024.0;
    }

    double pssMib() {
        return pssKib / 1024.0;
    }

    private static long field(Path file, String name) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(name + " not in " + file);
    }
}
