package jp.tsunagu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The processes a local system started, by name: written when started, used to stop exactly them. */
final class PidFiles {

    private final Path folder;

    PidFiles(Path folder) {
        this.folder = folder;
    }

    void write(String name, long pid) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name + ".pid"), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running process recorded under {@code name}, if it still runs. */
    Optional<ProcessHandle> running(String name) {
        Path file = folder.resolve(name + ".pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** TERM, then KILL after the grace period; forgets the record. Answers whether it was running. */
    boolean stop(String name, Duration grace) {
        Optional<ProcessHandle> process = running(name);
        process.ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception timeout) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(folder.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process.isPresent();
    }
}
