package jp.tsunagu.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.infra.ManagedProcess;
import jp.tsunagu.infra.Ports;
import jp.tsunagu.local.Infrastructure;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;
import jp.tsunagu.local.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system served from the images: the four services each run from its image's own files
 * (its C library, its Java, its entrypoint and environment, as uid 185, {@link ImageRoot}) against
 * real PostgreSQL, Kafka, Keycloak and SMTP (the local run's infrastructure, on free ports), and
 * each answers a user's token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagesServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Layout layout;
    Infrastructure infrastructure;
    final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);

    @BeforeAll
    void start() throws Exception {
        Map<String, Path> tarballs = BuiltImages.tarballs();
        Path home = Files.createTempDirectory(Files.createDirectories(BuiltImages.OUTPUT), "system-");
        layout = Layout.ephemeral(BuiltImages.REPOSITORY, home);
        infrastructure = Infrastructure.start(layout);
        for (Service service : Service.values()) {
            OciArchive image = new OciArchive(tarballs.get(service.module()));
            Path root = home.resolve("rootfs-" + service.module());
            ImageRoot.extract(image, root);
            Map<String, String> environment = new HashMap<>();
            for (String variable : image.environment()) {
                String[] pair = variable.split("=", 2);
                environment.put(pair[0], pair[1]);
            }
            environment.putAll(ServiceProcess.environment(service, layout));
            environment.put("JAVA_TOOL_OPTIONS", "-Xmx256m -XX:+UseSerialGC");
            services.put(service, ManagedProcess.start(service.module() + " (image)",
                    ImageRoot.command(root, image.user(), image.entrypoint()),
                    environment, home, layout.logs().resolve(service.module() + ".log")));
        }
        for (Service service : Service.values()) {
            services.get(service).awaitReady(() -> ServiceProcess.isReady(service, layout), Duration.ofMinutes(3));
        }
    }

    @AfterAll
    void stop() {
        services.values().forEach(ManagedProcess::close);
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void everyServiceRunsFromItsImageAsUid185AndAnswersAUsersToken() throws Exception {
        String token = token("tokyo-supervisor");
        Map<Service, String> lists = Map.of(Service.CASE, "/api/v1/cases", Service.VISIT, "/api/v1/visits",
                Service.REFERRAL, "/api/v1/referrals", Service.NOTIFICATION, "/api/v1/notifications");
        for (Service service : Service.values()) {
            HttpResponse<String> answer = get(layout.serviceUrl(service) + lists.get(service), token);
            assertThat(answer.statusCode()).as(service + " " + answer.body()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).has("items")).as(service + " " + answer.body()).isTrue();
            assertThat(get(layout.serviceUrl(service) + lists.get(service), null).statusCode()).isEqualTo(401);
            // the process serving is the image's java, run by uid 185
            long pid = javaOf(services.get(service));
            assertThat(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "exe")).toString())
                    .startsWith(layout.home().resolve("rootfs-" + service.module()).toString())
                    .endsWith("/opt/java/bin/java");
            assertThat(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")))
                    .anyMatch(line -> line.matches("Uid:\\s+185\\s+185\\s+185\\s+185"));
        }
    }

    @Test
    void theComposeHealthCheckRunsInTheImageAndSeesEachServiceReady() throws Exception {
        JsonNode compose = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(BuiltImages.REPOSITORY.resolve("deploy/compose/compose.yaml").toFile());
        List<String> check = OciArchive.strings(compose.path("x-service").path("healthcheck").path("test"));
        assertThat(check.subList(0, 3)).containsExactly("CMD", "bash", "-c");
        // compose writes a literal $ as $$; the service listens on 8080 in a container, on a free port here
        String probe = check.get(3).replace("$$", "$");
        assertThat(probe).contains("/dev/tcp/127.0.0.1/8080");
        for (Service service : Service.values()) {
            String port = String.valueOf(layout.servicePorts().get(service));
            Path root = layout.home().resolve("rootfs-" + service.module());
            ImageRoot.Run ready = ImageRoot.run(root, "185:185", "/bin/bash", "-c", probe.replace("/8080", "/" + port));
            assertThat(ready.exit()).as(service + ": " + ready.output()).isZero();
            ImageRoot.Run closed = ImageRoot.run(root, "185:185", "/bin/bash", "-c", probe.replace("/8080", "/" + Ports.free()));
            assertThat(closed.exit()).as("a port nobody listens on").isNotZero();
        }
    }

    private static long javaOf(ManagedProcess process) {
        return ProcessHandle.of(process.pid()).orElseThrow().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/opt/java/bin/java")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no java under " + process.pid())).pid();
    }

    private String token(String username) throws Exception {
        String form = "grant_type=password&client_id=tsunagu-app&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=demo-password";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(layout.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
