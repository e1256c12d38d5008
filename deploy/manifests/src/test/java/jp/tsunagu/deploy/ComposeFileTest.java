package jp.tsunagu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose/compose.yaml checked offline, where no Docker engine is: valid against the Compose
 * Specification's schema, and what it must give a center's machine (each service healthy before
 * the next starts, its own database and user, named volumes, loopback ports, secrets from files).
 */
class ComposeFileTest {

    static final Path COMPOSE = Repository.path("deploy/compose/compose.yaml");
    static final Schemas SCHEMAS = new Schemas();
    static JsonNode compose;

    @BeforeAll
    static void read() throws Exception {
        compose = Yaml.document(Files.readString(COMPOSE));
    }

    @Test
    void theFileIsValidAgainstTheComposeSpecification() {
        assertThat(SCHEMAS.problems(SCHEMAS.file("compose/compose-spec.json"), compose)).isEmpty();

        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.path("services").path("postgres")).put("healthchek", "typo");
        assertThat(SCHEMAS.problems(SCHEMAS.file("compose/compose-spec.json"), broken))
                .anyMatch(problem -> problem.contains("healthchek"));
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckAndTheServicesWaitForTheirs() {
        compose.path("services").properties().forEach(entry -> {
            JsonNode service = entry.getValue();
            boolean oneShot = "no".equals(service.path("restart").asText());
            assertThat(oneShot || service.path("healthcheck").has("test")).as(entry.getKey() + " health check").isTrue();
        });
        for (String name : KubernetesManifestsTest.SERVICES) {
            JsonNode service = compose.path("services").path(name);
            assertThat(service.path("image").asText()).as(name).contains("/" + name + ":");
            for (String dependency : List.of("postgres", "kafka", "keycloak")) {
                assertThat(service.path("depends_on").path(dependency).path("condition").asText()).as(name + " on " + dependency)
                        .isEqualTo("service_healthy");
            }
            assertThat(service.path("read_only").asBoolean()).as(name + " read-only").isTrue();
            assertThat(service.path("user").asText()).as(name + " user").isNotBlank().isNotEqualTo("0").isNotEqualTo("root");
        }
    }

    @Test
    void eachServiceHasItsOwnDatabaseAndUserAndDataLivesInNamedVolumes() {
        Set<String> urls = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (String name : KubernetesManifestsTest.SERVICES) {
            JsonNode env = compose.path("services").path(name).path("environment");
            urls.add(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            users.add(env.path("QUARKUS_DATASOURCE_USERNAME").asText());
        }
        assertThat(urls).hasSize(4).doesNotContain("");
        assertThat(users).hasSize(4).doesNotContain("", "postgres");
        for (String stateful : List.of("postgres", "kafka")) {
            String volume = compose.path("services").path(stateful).path("volumes").get(0).asText().split(":")[0];
            assertThat(compose.path("volumes").has(volume)).as(stateful + " keeps its data in the named volume " + volume)
                    .isTrue();
        }
    }

    @Test
    void portsAreOnLoopbackAndSecretsComeFromFilesNeverFromTheFile() {
        compose.path("services").properties().forEach(entry -> {
            entry.getValue().path("ports").forEach(port -> assertThat(port.asText()).as(entry.getKey()).startsWith("127.0.0.1:"));
            entry.getValue().path("environment").properties().forEach(variable -> {
                if (variable.getKey().matches(".*(PASSWORD|SECRET).*")) {
                    assertThat(variable.getKey()).as(entry.getKey() + " reads " + variable.getKey() + " from a file")
                            .endsWith("_FILE");
                }
            });
        });
        compose.path("secrets").properties().forEach(secret -> assertThat(secret.getValue().path("file").asText())
                .as(secret.getKey()).startsWith("./secrets/"));
    }
}
