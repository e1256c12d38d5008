package jp.tsunagu.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak (the Quarkus distribution Maven fetched), unpacked once into {@code home}, started
 * in dev mode on loopback with a realm file imported on first start. Its data stays in
 * {@code home/data}, so a restart keeps users and sessions.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final ManagedProcess process;

    private KeycloakServer(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Starts Keycloak, importing the realm file on the first start. {@code realmSettings} are
     * environment variables for the file's {@code ${NAME:default}} placeholders, which Keycloak
     * resolves as it imports (e.g. an origin that depends on the layout's ports).
     */
    public static KeycloakServer start(Path home, Path realmFile, int port, int managementPort,
                                       Map<String, String> realmSettings) {
        int httpPort = port > 0 ? port : Ports.free();
        int mgmtPort = managementPort > 0 ? managementPort : Ports.free();
        if (Ports.answers(httpPort)) {
            throw new InfraException("port " + httpPort + " is taken: is another Keycloak running?");
        }
        try {
            unpackIfNeeded(home);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InfraException("Keycloak could not be prepared in " + home, e);
        }
        ManagedProcess process = ManagedProcess.start("Keycloak", List.of(
                        home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=127.0.0.1", "--http-port=" + httpPort,
                        "--http-management-port=" + mgmtPort,
                        // a fixed issuer, whatever host name a client uses to reach it
                        "--hostname=http://127.0.0.1:" + httpPort,
                        "--import-realm", "--health-enabled=true"),
                environment(realmSettings), home, home.resolve("keycloak.log"));
        process.awaitReady(() -> isReady(mgmtPort), Duration.ofMinutes(4));
        return new KeycloakServer(httpPort, process);
    }

    private static Map<String, String> environment(Map<String, String> realmSettings) {
        Map<String, String> environment = new java.util.HashMap<>(realmSettings);
        environment.putAll(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        return environment;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the realm's tokens: always on 127.0.0.1, as the issuer follows the request host. */
    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    private static boolean isReady(int managementPort) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unzips the distribution without its top folder, keeping the scripts executable. */
    private static void unpackIfNeeded(Path home) throws IOException {
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return;
        }
        Files.createDirectories(home);
        try (InputStream in = Files.newInputStream(InfraArtifacts.keycloakDistribution());
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside its folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
    }
}
