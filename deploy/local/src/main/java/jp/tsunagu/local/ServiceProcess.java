package jp.tsunagu.local;

import jp.tsunagu.infra.InfraException;
import jp.tsunagu.infra.ManagedProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged service run as a process, configured for a layout through environment variables. */
public final class ServiceProcess {

    /**
     * The JVM options of every service: a small fixed heap ceiling (a center's machine runs four
     * services and the infrastructure) and the serial collector (least memory and threads of the
     * collectors, pauses short at these heaps).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess() {
    }

    public static ManagedProcess start(Service service, Layout layout, List<String> launcherPrefix) {
        return start(service, layout, launcherPrefix, Map.of());
    }

    /** The same, with settings of its own besides the layout's (environment variables, e.g. for a test's shorter waits). */
    public static ManagedProcess start(Service service, Layout layout, List<String> launcherPrefix,
                                       Map<String, String> settings) {
        if (!Files.isRegularFile(service.jar(layout.repository()))) {
            throw new InfraException(service.module() + " is not built: run ./tsunagu up --build");
        }
        List<String> command = new ArrayList<>(launcherPrefix);
        command.add(ManagedProcess.javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", service.jar(layout.repository()).toString()));
        Map<String, String> environment = new java.util.HashMap<>(environment(service, layout));
        environment.putAll(settings);
        return ManagedProcess.start(service.module(), command, environment,
                layout.repository().resolve(service.module()), layout.logs().resolve(service.module() + ".log"));
    }

    /** The environment a service of the layout runs with: ports, database, Kafka, Keycloak, SMTP. */
    public static Map<String, String> environment(Service service, Layout layout) {
        return Map.ofEntries(
                Map.entry("QUARKUS_HTTP_HOST", layout.httpHost()),
                Map.entry("QUARKUS_HTTP_PORT", String.valueOf(layout.servicePorts().get(service))),
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/" + service.database()),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", DatabasePassword.of(layout)),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + layout.kafkaPort()),
                Map.entry("TSUNAGU_OIDC_URL", layout.issuer()),
                Map.entry("TSUNAGU_KEYCLOAK_URL", layout.keycloakUrl()),
                // the service's client secret in the demo realm (deploy/keycloak/realm-tsunagu.json); the
                // services hold none of their own, a deployment gives each its own (deploy/README.md)
                Map.entry("TSUNAGU_CLIENT_SECRET", service.module() + "-secret"),
                Map.entry("TSUNAGU_CASE_SERVICE_URL", layout.serviceUrl(Service.CASE)),
                Map.entry("TSUNAGU_WEBHOOKS_REFERRAL_SERVICE_URL", layout.serviceUrl(Service.REFERRAL)),
                Map.entry("QUARKUS_HTTP_CORS_ORIGINS", layout.webOrigins()),
                // notification-service's e-mail goes to the local GreenMail (the others send none)
                Map.entry("TSUNAGU_SMTP_HOST", "127.0.0.1"),
                Map.entry("TSUNAGU_SMTP_PORT", String.valueOf(layout.smtpPort())));
    }

    public static boolean isReady(Service service, Layout layout) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(layout.serviceUrl(service) + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
