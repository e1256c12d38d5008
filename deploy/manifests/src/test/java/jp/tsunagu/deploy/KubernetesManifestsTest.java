package jp.tsunagu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s rendered as a cluster would receive it: every resource of both overlays valid against
 * its Kubernetes or operator schema, and the prefecture's overlay what the operations doc promises
 * (three of everything stateful, probes and limits, no plain secret, each service fenced in).
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("case-service", "visit-service", "referral-service", "notification-service");
    static final Map<String, String> DATABASES = Map.of("case-service", "cases-db", "visit-service", "visits-db",
            "referral-service", "referrals-db", "notification-service", "notifications-db");

    static final Schemas SCHEMAS = new Schemas();
    static List<JsonNode> prod;

    @BeforeAll
    static void render() throws Exception {
        prod = Kustomize.render("prod");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyResourceOfTheOverlayIsValidAgainstItsSchema(String overlay) throws Exception {
        List<JsonNode> resources = Kustomize.render(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode resource : resources) {
            Optional<Path> schema = SCHEMAS.forResource(resource);
            if (schema.isEmpty()) {
                problems.add(name(resource) + ": no schema in deploy/schemas");
                continue;
            }
            SCHEMAS.problems(schema.get(), resource).forEach(problem -> problems.add(name(resource) + ": " + problem));
        }
        assertThat(resources).hasSizeGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void aResourceThatBreaksItsSchemaIsRefused() {
        ObjectNode deployment = one("Deployment", "case-service").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replica", 2);
        ObjectNode topic = one("KafkaTopic", "case-events").deepCopy();
        ((ObjectNode) topic.path("spec")).put("replicas", "three");

        assertThat(SCHEMAS.problems(SCHEMAS.forResource(deployment).orElseThrow(), deployment))
                .anyMatch(problem -> problem.contains("replica"));
        assertThat(SCHEMAS.problems(SCHEMAS.forResource(topic).orElseThrow(), topic))
                .anyMatch(problem -> problem.contains("replicas"));
    }

    @Test
    void kafkaRunsThreeNodesAndEveryTopicKeepsThreeCopiesWithTwoInSync() {
        int brokers = kinds("KafkaNodePool").filter(pool -> pool.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
        assertThat(brokers).isGreaterThanOrEqualTo(3);
        assertThat(kinds("KafkaTopic").map(topic -> topic.path("metadata").path("name").asText()))
                .contains("case-events", "visit-events", "referral-events", "audit-events");
        kinds("KafkaTopic").forEach(topic -> {
            JsonNode spec = topic.path("spec");
            assertThat(spec.path("replicas").asInt()).as(name(topic)).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name(topic)).isEqualTo(2);
            assertThat(spec.path("partitions").asInt()).as(name(topic)).isPositive();
        });
    }

    @Test
    void everyDatabaseIsAClusterOfThreeBackedUpAndTheCaseDataWaitsForItsStandby() {
        for (String cluster : List.of("cases-db", "visits-db", "referrals-db", "notifications-db", "keycloak-db")) {
            JsonNode spec = one("Cluster", cluster).path("spec");
            assertThat(spec.path("instances").asInt()).as(cluster).isEqualTo(3);
            assertThat(spec.path("postgresql").path("synchronous").path("number").asInt()).as(cluster).isPositive();
            assertThat(kinds("ScheduledBackup").filter(backup -> backup.path("spec").path("cluster").path("name").asText()
                    .equals(cluster))).as("a scheduled backup of " + cluster).isNotEmpty();
        }
        assertThat(one("Cluster", "cases-db").path("spec").path("postgresql").path("synchronous").path("dataDurability")
                .asText()).isEqualTo("required");
    }

    @Test
    void everyServiceHasProbesLimitsSpreadAnAutoscalerAndADisruptionBudget() {
        for (String service : SERVICES) {
            JsonNode pod = one("Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe).path("httpGet").path("path").asText()).as(service + " " + probe)
                        .startsWith("/q/health");
            }
            for (String bound : List.of("requests", "limits")) {
                assertThat(container.path("resources").path(bound).path("memory").asText()).as(service + " " + bound)
                        .isNotEmpty();
            }
            assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(service).isTrue();
            assertThat(pod.path("topologySpreadConstraints")).as(service + " spread").isNotEmpty();
            assertThat(one("HorizontalPodAutoscaler", service).path("spec").path("minReplicas").asInt()).as(service)
                    .isGreaterThanOrEqualTo(2);
            assertThat(one("PodDisruptionBudget", service).path("spec").isEmpty()).as(service).isFalse();
        }
    }

    @Test
    void noSecretIsWrittenInTheManifestsOnlyReferencedInASecretStore() {
        assertThat(kinds("Secret")).isEmpty();
        assertThat(kinds("ExternalSecret").map(secret -> secret.path("spec").path("secretStoreRef").path("name").asText()))
                .isNotEmpty().allMatch(store -> !store.isBlank());
        for (JsonNode deployment : kinds("Deployment").toList()) {
            for (JsonNode env : deployment.findValues("env")) {
                env.forEach(variable -> {
                    if (variable.path("name").asText().matches(".*(PASSWORD|SECRET).*")) {
                        assertThat(variable.has("value")).as(name(deployment) + " " + variable.path("name").asText()
                                + " from a secret, not a value").isFalse();
                    }
                });
            }
        }
    }

    @Test
    void trafficIsDeniedUnlessAPolicyLetsItAndEachDatabaseAdmitsOnlyItsService() {
        JsonNode deny = one("NetworkPolicy", "default-deny").path("spec");
        assertThat(deny.path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("policyTypes").toString()).contains("Ingress", "Egress");
        DATABASES.forEach((service, database) -> {
            JsonNode policy = one("NetworkPolicy", database + "-from-" + service).path("spec");
            assertThat(policy.path("podSelector").toString()).as(database).contains(database);
            assertThat(policy.path("ingress").toString()).as(database).contains(service)
                    .doesNotContain(SERVICES.stream().filter(other -> !other.equals(service)).toArray(String[]::new));
            JsonNode egress = one("NetworkPolicy", service + "-egress").path("spec").path("egress");
            assertThat(egress.toString()).as(service + " egress").contains(database)
                    .doesNotContain(DATABASES.values().stream().filter(other -> !other.equals(database)).toArray(String[]::new));
        });
    }

    private static Stream<JsonNode> kinds(String kind) {
        return prod.stream().filter(resource -> resource.path("kind").asText().equals(kind));
    }

    private static JsonNode one(String kind, String name) {
        List<JsonNode> found = kinds(kind).filter(resource -> resource.path("metadata").path("name").asText().equals(name))
                .toList();
        assertThat(found).as(kind + " " + name + " in the prod overlay").hasSize(1);
        return found.get(0);
    }

    private static String name(JsonNode resource) {
        return resource.path("apiVersion").asText() + " " + resource.path("kind").asText() + " "
                + resource.path("metadata").path("name").asText();
    }
}
