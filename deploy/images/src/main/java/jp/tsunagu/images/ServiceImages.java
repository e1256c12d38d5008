package jp.tsunagu.images;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Builds one OCI image per service with Jib, from scratch (no base image, no registry, no Docker
 * daemon), into OCI tarballs: the {@link RuntimeRoot} in two layers (operating system, Java), then
 * the Quarkus application in the layers that change least often first (dependencies, Quarkus's
 * generated code, the service's own classes). It runs as uid 185, listens on 8080, and owns none of
 * its files but {@code /tmp}. Push a tarball with any OCI tool, e.g. {@code skopeo copy oci-archive:case-service.tar docker://...}.
 *
 * <p>{@code ServiceImages <repository> <output dir> <version> [registry]}
 */
public final class ServiceImages {

    public static final List<String> SERVICES = List.of("case-service", "visit-service", "referral-service",
            "notification-service");
    public static final String REGISTRY = "ghcr.io/tsunagu";
    public static final int HTTP_PORT = 8080;
    public static final String USER = "185:185";
    static final AbsoluteUnixPath DEPLOYMENTS = AbsoluteUnixPath.get("/deployments");

    /** One image built: where its tarball is, what it is called, its digest. */
    public record Built(String service, String reference, Path tarball, String digest) {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String registry = args.length > 3 ? args[3] : REGISTRY;
        for (Built image : build(repository, output, args[2], registry)) {
            System.out.printf("%s  %s  %s%n", image.reference(), image.digest(), image.tarball());
        }
    }

    /** Builds the four images into {@code output}/&lt;service&gt;.tar. */
    public static List<Built> build(Path repository, Path output, String version, String registry)
            throws IOException, InterruptedException {
        Files.createDirectories(output);
        RuntimeRoot runtime = RuntimeRoot.assemble(repository, output.resolve("runtime"));
        List<Built> built = new ArrayList<>();
        for (String service : SERVICES) {
            built.add(image(runtime, repository.resolve(service).resolve("target/quarkus-app"), service,
                    registry + "/" + service + ":" + version, version, output.resolve(service + ".tar"), output));
        }
        return built;
    }

    private static Built image(RuntimeRoot runtime, Path app, String service, String reference, String version,
                               Path tarball, Path output) throws IOException, InterruptedException {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + " holds no packaged service: build " + service + " first");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", service);
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.description", "Tsunagu " + service);
        labels.put("jp.tsunagu.image.java", runtime.javaVersion());
        labels.put("jp.tsunagu.image.debian-packages", String.join(" ", runtime.packages()));
        try {
            JibContainer container = Jib.fromScratch()
                    .setFormat(ImageFormat.OCI)
                    .addFileEntriesLayer(tree("os", runtime.rootfs(), AbsoluteUnixPath.get("/"), "opt", "tmp"))
                    // the one place it writes (a tmpfs or emptyDir over it where the root is read-only)
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("tmp")
                            .addEntry(runtime.rootfs().resolve("tmp"), AbsoluteUnixPath.get("/tmp"),
                                    FilePermissions.fromOctalString("700"), FileEntriesLayer.DEFAULT_MODIFICATION_TIME, USER)
                            .build())
                    .addFileEntriesLayer(tree("java", runtime.rootfs().resolve("opt/java"), AbsoluteUnixPath.get("/opt/java")))
                    .addFileEntriesLayer(tree("dependencies", app.resolve("lib"), DEPLOYMENTS.resolve("lib")))
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("quarkus")
                            .addEntry(app.resolve("quarkus-run.jar"), DEPLOYMENTS.resolve("quarkus-run.jar"), FilePermissions.DEFAULT_FILE_PERMISSIONS)
                            .addEntry(app.resolve("quarkus-app-dependencies.txt"), DEPLOYMENTS.resolve("quarkus-app-dependencies.txt"), FilePermissions.DEFAULT_FILE_PERMISSIONS)
                            .build())
                    .addFileEntriesLayer(tree("quarkus-generated", app.resolve("quarkus"), DEPLOYMENTS.resolve("quarkus")))
                    .addFileEntriesLayer(tree("application", app.resolve("app"), DEPLOYMENTS.resolve("app")))
                    .setEntrypoint(List.of("/opt/java/bin/java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                            "-jar", DEPLOYMENTS.resolve("quarkus-run.jar").toString()))
                    .setUser(USER)
                    .setWorkingDirectory(DEPLOYMENTS)
                    .setExposedPorts(Set.of(Port.tcp(HTTP_PORT)))
                    .setEnvironment(Map.of("JAVA_HOME", "/opt/java", "PATH", "/opt/java/bin:/bin",
                            "LANG", "C.UTF-8", "QUARKUS_HTTP_PORT", String.valueOf(HTTP_PORT)))
                    .setLabels(labels)
                    .containerize(Containerizer.to(TarImage.at(tarball).named(reference))
                            .setToolName("tsunagu-images")
                            .setBaseImageLayersCache(output.resolve("cache/base"))
                            .setApplicationLayersCache(output.resolve("cache/application")));
            return new Built(service, reference, tarball, container.getDigest().toString());
        } catch (CacheDirectoryCreationException | RegistryException | ExecutionException
                 | InvalidImageReferenceException e) {
            throw new IllegalStateException("Jib could not build " + reference, e);
        }
    }

    /** A layer of the files under {@code source}, at {@code target}, with their own modes; {@code except}: top-level names left out. */
    private static FileEntriesLayer tree(String name, Path source, AbsoluteUnixPath target, String... except)
            throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        Set<String> left = Set.of(except);
        try (var top = Files.list(source)) {
            for (Path child : top.sorted().toList()) {
                if (!left.contains(child.getFileName().toString())) {
                    layer.addEntryRecursive(child, target.resolve(child.getFileName().toString()),
                            (file, path) -> modeOf(file));
                }
            }
        }
        return layer.build();
    }

    private static FilePermissions modeOf(Path file) {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServiceImages() {
    }
}
