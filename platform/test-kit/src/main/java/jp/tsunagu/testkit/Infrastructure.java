package jp.tsunagu.testkit;

/**
 * The real PostgreSQL and Kafka broker a test JVM talks to: started at most once per JVM, stopped
 * when the JVM ends. Native processes by default (what CI runs); Testcontainers with
 * {@code -Dtestkit.infra=containers} where a Docker engine answers.
 */
public interface Infrastructure extends AutoCloseable {

    String POSTGRES_USER = "postgres";

    /** Creates the database afresh (dropping what an earlier run left) and answers its JDBC URL. */
    String freshDatabase(String name);

    String postgresPassword();

    String kafkaBootstrapServers();

    /** Takes the broker away, as an outage would; {@link #startKafka()} brings it back with its data. */
    void stopKafka();

    void startKafka();

    @Override
    void close();

    static Infrastructure get() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private static final Infrastructure INSTANCE = create();

        private Holder() {
        }

        private static Infrastructure create() {
            String kind = System.getProperty("testkit.infra", "native");
            Infrastructure infrastructure = switch (kind) {
                case "native" -> new NativeInfrastructure();
                case "containers" -> new ContainerInfrastructure();
                default -> throw new IllegalArgumentException("testkit.infra is native or containers, not " + kind);
            };
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "tsunagu-infra-stop"));
            return infrastructure;
        }
    }
}
