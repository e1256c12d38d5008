package jp.tsunagu.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the real infrastructure: its own fresh database,
 * the shared broker, the test token key, and the {@link TestDirectory} for Keycloak's directory. Declare it once per module:
 * {@code @QuarkusTestResource(value = TsunaguTestResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))}.
 */
public class TsunaguTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "tsunagu_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = Infrastructure.get();
        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", infrastructure.freshDatabase(database)),
                Map.entry("quarkus.datasource.username", Infrastructure.POSTGRES_USER),
                Map.entry("quarkus.datasource.password", infrastructure.postgresPassword()),
                Map.entry("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers()),
                Map.entry("quarkus.oidc.public-key", TestTokens.publicKey()),
                Map.entry("quarkus.oidc.token.issuer", TestTokens.ISSUER),
                Map.entry("quarkus.oidc.token.audience", TestTokens.AUDIENCE),
                Map.entry("tsunagu.directory.keycloak-url", TestDirectory.url()),
                Map.entry("tsunagu.directory.realm", TestDirectory.REALM));
    }

    @Override
    public void stop() {
        // the infrastructure outlives one application: it stops when the test JVM ends
    }
}
