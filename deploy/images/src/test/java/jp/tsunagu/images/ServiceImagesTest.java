package jp.tsunagu.images;

import jp.tsunagu.images.OciArchive.LayerFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the four service images into OCI tarballs with Jib (as the release does) and checks
 * each as a registry and a runtime would read it: its name and version, the entrypoint, a non-root
 * user that owns none of the code, the health port, the runtime it starts with (run in a chroot
 * of the image's own files, as uid 185), no build tools, and no secrets in any layer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceImagesTest {

    static final List<String> SERVICES = ServiceImages.SERVICES;
    static final String VERSION = BuiltImages.VERSION;

    /** Compilers, package managers, debuggers, shells of the JDK, fetchers, privilege tools. */
    static final Set<String> BUILD_TOOLS = Set.of("javac", "jar", "jlink", "jmod", "jshell", "jdeps", "jpackage", "jdb",
            "jcmd", "jps", "jstack", "jmap", "jhsdb", "jrunscript", "jwebserver", "serialver", "gcc", "cc", "g++", "make",
            "ld", "as", "mvn", "mvnw", "gradle", "apt", "apt-get", "dpkg", "rpm", "yum", "dnf", "microdnf", "apk",
            "curl", "wget", "git", "ssh", "scp", "sudo", "su", "python3", "perl", "sh", "dash");
    /** Files that hold keys or credentials by their kind. */
    static final Pattern SECRET_FILE = Pattern.compile(
            "(?i).*(\\.pem|\\.key|\\.p12|\\.pfx|\\.jks|\\.keytab|/id_rsa.*|/id_ed25519.*|/\\.env|/credentials|\\.secrets?)$");
    static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    /** A configuration line setting a password or a secret. */
    static final Pattern CREDENTIAL = Pattern.compile("(?i)^\\s*([^#!=:\\s]*(?:password|secret))\\s*[=:]\\s*(.*)$");

    Map<String, Path> tarballs;
    /** The archive read last (one at a time: an image read whole is a few hundred megabytes). */
    String readService;
    OciArchive read;

    @BeforeAll
    void build() throws Exception {
        tarballs = BuiltImages.tarballs();
        assertThat(tarballs.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        tarballs.values().forEach(tarball -> assertThat(tarball).isRegularFile());
    }

    OciArchive image(String service) throws Exception {
        if (!service.equals(readService)) {
            read = null;
            read = new OciArchive(tarballs.get(service));
            readService = service;
        }
        return read;
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void isNamedByServiceAndVersionAndStartsTheServiceAsUid185OnPort8080(String service) throws Exception {
        OciArchive image = image(service);
        assertThat(image.reference).isEqualTo("ghcr.io/tsunagu/" + service + ":" + VERSION);
        assertThat(image.entrypoint()).containsExactly("/opt/java/bin/java",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/deployments/quarkus-run.jar");
        assertThat(image.user()).isEqualTo("185:185");
        assertThat(image.exposedPorts()).containsExactly("8080/tcp");
        assertThat(image.environment()).contains("QUARKUS_HTTP_PORT=8080", "JAVA_HOME=/opt/java");
        assertThat(image.label("org.opencontainers.image.version")).isEqualTo(VERSION);
        assertThat(image.label("jp.tsunagu.image.debian-packages")).contains("libc6=");

        assertThat(image.at("/deployments/quarkus-run.jar")).singleElement().matches(f -> f.content().length > 0);
        assertThat(image.files).filteredOn(f -> f.path().startsWith("/deployments/app/") && f.path().endsWith(".jar"))
                .isNotEmpty();
        assertThat(image.at("/opt/java/bin/java")).singleElement().matches(LayerFile::executable);
        assertThat(image.at("/lib64/ld-linux-x86-64.so.2")).singleElement().matches(f -> !f.symlink() && f.content().length > 0);
        // bash: the compose health check's /dev/tcp probe
        assertThat(image.at("/bin/bash")).singleElement().matches(LayerFile::executable);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theServiceUserOwnsNothingButTmpAndNothingIsSetuidOrWritableByOthers(String service) throws Exception {
        List<LayerFile> files = image(service).files;
        assertThat(files).filteredOn(f -> f.uid() != 0 || f.gid() != 0).extracting(LayerFile::path).containsExactly("/tmp");
        assertThat(image(service).at("/tmp")).singleElement().matches(f -> f.uid() == 185 && f.mode() == 0700);
        assertThat(files).filteredOn(f -> (f.mode() & 06000) != 0).isEmpty();
        assertThat(files).filteredOn(f -> (f.mode() & 0002) != 0 && !f.symlink()).isEmpty();
        assertThat(files).extracting(LayerFile::path).contains("/etc/passwd")
                .noneMatch(p -> p.startsWith("/root/") || p.startsWith("/home/"));
        assertThat(new String(image(service).at("/etc/passwd").get(0).content(), StandardCharsets.UTF_8))
                .contains("tsunagu:x:185:185:");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void holdsNoBuildToolsAndOfTheJdkOnlyTheJavaLauncher(String service) throws Exception {
        List<LayerFile> files = image(service).files;
        assertThat(files).filteredOn(f -> !f.directory() && BUILD_TOOLS.contains(f.name())).extracting(LayerFile::path).isEmpty();
        assertThat(files).filteredOn(f -> f.path().startsWith("/opt/java/bin/")).extracting(LayerFile::path)
                .containsExactly("/opt/java/bin/java");
        assertThat(files).extracting(LayerFile::path)
                .noneMatch(p -> p.startsWith("/opt/java/jmods") || p.startsWith("/opt/java/include") || p.endsWith("/lib/src.zip"))
                .noneMatch(p -> p.startsWith("/usr/share/") || p.startsWith("/var/lib/dpkg") || p.startsWith("/etc/apt"));
        // the JDK's tools are linked out, not only their launchers: no compiler or jlink module in the runtime
        String modules = new String(image(service).at("/opt/java/release").get(0).content(), StandardCharsets.UTF_8);
        assertThat(modules).contains("java.base", "jdk.localedata").doesNotContain("jdk.compiler", "jdk.jlink", "jdk.jshell");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void holdsNoSecretInAnyLayer(String service) throws Exception {
        List<String> found = new ArrayList<>();
        for (LayerFile file : image(service).files) {
            if (file.directory() || file.symlink()) {
                continue;
            }
            if (SECRET_FILE.matcher(file.path()).matches()) {
                found.add(file.path() + ": a key or credential file");
            }
            boolean ourJar = file.path().startsWith("/deployments/app/")
                    || file.path().endsWith(".jar") && file.path().contains("/jp.tsunagu.");
            if (ourJar) {
                JarConfig.entries(file.content()).forEach((entry, text) -> found.addAll(credentials(file.path() + "!" + entry, text)));
            } else if (isConfig(file.path())) {
                found.addAll(credentials(file.path(), new String(file.content(), StandardCharsets.UTF_8)));
            }
            if (PRIVATE_KEY.matcher(new String(file.content(), StandardCharsets.ISO_8859_1)).find()) {
                found.add(file.path() + ": a private key");
            }
        }
        assertThat(found).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void itsJavaRunsFromTheImagesOwnFilesAsUid185(String service) throws Exception {
        Path root = BuiltImages.OUTPUT.resolve("rootfs-" + service);
        ImageRoot.extract(image(service), root);
        ImageRoot.Run run = ImageRoot.run(root, "185:185", "/opt/java/bin/java", "-XshowSettings:properties", "-version");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("java.home = /opt/java", "user.name = tsunagu", "java.vm.version = " + Runtime.version());
    }

    @org.junit.jupiter.api.Test
    void theSecretScanFindsEveryValueAProductionRunWouldUseButABareReference() {
        assertThat(credentials("a.properties", """
                quarkus.datasource.password=${DB_PASSWORD}
                quarkus.oidc-client.credentials.secret=${TSUNAGU_CLIENT_SECRET:visit-service-secret}
                %dev,test.quarkus.oidc-client.credentials.secret=visit-service-secret
                %prod.mp.jwt.secret=hunter2
                # quarkus.datasource.password=commented-out
                quarkus.mailer.password=
                tsunagu.webhook.secret: s3cr3t
                """)).containsExactly(
                "a.properties: quarkus.oidc-client.credentials.secret = ${TSUNAGU_CLIENT_SECRET:visit-service-secret}",
                "a.properties: %prod.mp.jwt.secret = hunter2",
                "a.properties: tsunagu.webhook.secret = s3cr3t");
    }

    /**
     * The lines of one configuration that give a password or secret a value in the production
     * profile: anything but a bare {@code ${VARIABLE}}, a default after a colon included.
     */
    static List<String> credentials(String where, String text) {
        List<String> found = new ArrayList<>();
        for (String line : text.split("\\R")) {
            var m = CREDENTIAL.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1);
            String value = m.group(2).trim();
            boolean otherProfilesOnly = key.startsWith("%")
                    && !List.of(key.substring(1, key.indexOf('.')).split(",")).contains("prod");
            if (!otherProfilesOnly && !value.isEmpty() && !value.matches("\\$\\{[A-Za-z0-9_.-]+}")) {
                found.add(where + ": " + key + " = " + value);
            }
        }
        return found;
    }

    private static boolean isConfig(String path) {
        return path.endsWith(".properties") || path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".conf")
                || path.endsWith(".json") && path.startsWith("/deployments/");
    }
}
