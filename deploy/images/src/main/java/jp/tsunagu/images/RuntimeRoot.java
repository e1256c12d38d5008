package jp.tsunagu.images;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The root file system every service image starts from: Debian's C library and bash
 * ({@code debian-runtime.sh}), and under {@code /opt/java} a Java runtime linked by jlink from the
 * build's own JDK with the modules a Quarkus service uses, and of its launchers only {@code java}.
 */
public record RuntimeRoot(Path rootfs, List<String> packages, String javaVersion) {

    /**
     * The JDK's modules the services run with: the whole Java SE API (libraries reach for parts of
     * it one would not guess, Narayana for java.rmi), and of the JDK's own the runtime ones
     * (charsets, cryptography, locale data for Japanese, JFR, management, DNS, zip file system).
     * No compiler, debugger, shell, jlink or packager.
     */
    static final List<String> MODULES = List.of("java.se", "jdk.charsets", "jdk.crypto.cryptoki", "jdk.crypto.ec",
            "jdk.jfr", "jdk.localedata", "jdk.management", "jdk.management.jfr", "jdk.naming.dns", "jdk.net",
            "jdk.security.auth", "jdk.security.jgss", "jdk.unsupported", "jdk.zipfs");

    /** Assembles it under {@code dir} (replacing what is there). */
    public static RuntimeRoot assemble(Path repository, Path dir) throws IOException, InterruptedException {
        Process debian = new ProcessBuilder(repository.resolve("deploy/images/debian-runtime.sh").toString(), dir.toString())
                .inheritIO().start();
        if (debian.waitFor() != 0) {
            throw new IllegalStateException("debian-runtime.sh failed (exit " + debian.exitValue() + ")");
        }
        Path rootfs = dir.resolve("rootfs");
        Path java = rootfs.resolve("opt/java");
        link(java);
        try (Stream<Path> launchers = Files.list(java.resolve("bin"))) {
            for (Path launcher : launchers.filter(p -> !p.getFileName().toString().equals("java")).toList()) {
                Files.delete(launcher);
            }
        }
        return new RuntimeRoot(rootfs, Files.readAllLines(dir.resolve("packages.txt")), Runtime.version().toString());
    }

    private static void link(Path output) {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("the build runs on a JRE: jlink needs a JDK"));
        missingModules();
        StringWriter messages = new StringWriter();
        int exit = jlink.run(new PrintWriter(messages), new PrintWriter(messages), "--add-modules", String.join(",", MODULES),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--compress", "zip-6", "--output", output.toString());
        if (exit != 0) {
            throw new IllegalStateException("jlink failed (exit " + exit + "): " + messages);
        }
    }

    private static void missingModules() {
        List<String> missing = MODULES.stream().filter(m -> ModuleFinder.ofSystem().find(m).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the build's JDK lacks modules " + missing);
        }
    }
}
