package jp.tsunagu.local;

import jp.tsunagu.infra.Ports;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where everything of one running system lives: its folder (data, logs, PID files) and ports.
 * The local layout has fixed, documented ports and keeps its data; the ephemeral one (system
 * tests) takes free ports in a temporary folder.
 */
public record Layout(Path repository, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort,
                     int keycloakPort, int keycloakManagementPort, Map<Service, Integer> servicePorts,
                     int smtpPort, int imapPort, int demoPagePort, String httpHost) {

    /** Where the services listen: loopback only, unless TSUNAGU_HTTP_HOST says otherwise, deliberately. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The usual origin of a web frontend's development server (Vite), allowed by CORS in the local run. */
    public static final String DEV_SERVER_ORIGIN = "http://localhost:5173";

    public static Layout local(Path repository) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.localPort());
        }
        return new Layout(repository, repository.resolve(".local"), 15432, 19092, 19093, 8180, 9180, ports, 3025, 3143, 8090,
                Optional.ofNullable(System.getenv("TSUNAGU_HTTP_HOST")).filter(host -> !host.isBlank()).orElse(LOOPBACK));
    }

    public static Layout ephemeral(Path repository, Path home) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
        return new Layout(repository, home, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), ports,
                Ports.free(), Ports.free(), Ports.free(), LOOPBACK);
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path keycloakHome() {
        return home.resolve("keycloak");
    }

    public Path realmFile() {
        return repository.resolve("deploy/keycloak/realm-tsunagu.json");
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/tsunagu";
    }

    public String serviceUrl(Service service) {
        return "http://127.0.0.1:" + servicePorts.get(service);
    }

    /** The demo page's origin: another origin than the services', as a web frontend's is. */
    public String demoPageUrl() {
        return "http://localhost:" + demoPagePort;
    }

    /** The origins the services answer CORS requests from: the dev server's and the demo page's. */
    public String webOrigins() {
        return DEV_SERVER_ORIGIN + "," + demoPageUrl();
    }
}
