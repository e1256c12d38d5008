package jp.tsunagu.testkit;

import jp.tsunagu.infra.PostgresServer;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The skeleton of the query-plan programs: a real PostgreSQL with the service's own migrations
 * (from its classpath, the locations its application.properties names), synthetic data loaded by the program, and EXPLAIN (ANALYZE, BUFFERS) of
 * each query printed. Figures, not assertions.
 */
public final class QueryPlans {

    /** Loads the synthetic data; answers a line saying what was loaded. */
    @FunctionalInterface
    public interface Loader {
        String load(Statement sql) throws Exception;
    }

    private QueryPlans() {
    }

    public static void print(Loader loader, Map<String, String> queries) throws Exception {
        Path data = Files.createTempDirectory("query-plans");
        try (PostgresServer postgres = PostgresServer.start(Optional.of(data), 0)) {
            postgres.ensureDatabase("plans");
            String url = postgres.jdbcUrl("plans");
            Flyway.configure().dataSource(url, PostgresServer.USER, "").locations(locations()).load().migrate();
            try (Connection db = DriverManager.getConnection(url, PostgresServer.USER, "");
                 Statement sql = db.createStatement()) {
                sql.execute("set synchronous_commit = off");
                long start = System.nanoTime();
                String loaded = loader.load(sql);
                sql.execute("vacuum analyze");
                System.out.printf("%s in %.1f s%n", loaded, (System.nanoTime() - start) / 1e9);
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    System.out.println("\n=== " + query.getKey() + "\n" + query.getValue().strip());
                    try (ResultSet plan = sql.executeQuery("explain (analyze, buffers) " + query.getValue())) {
                        while (plan.next()) {
                            System.out.println("  " + plan.getString(1));
                        }
                    }
                }
            }
        }
    }

    /** The Flyway locations the service configures (quarkus.flyway.locations), the kit's default otherwise. */
    private static String[] locations() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return Arrays.stream(properties.getProperty("quarkus.flyway.locations", "db/platform,db/migration").split(","))
                .map(location -> "classpath:" + location.strip()).toArray(String[]::new);
    }

    public static long count(Statement sql, String table) throws Exception {
        try (ResultSet rs = sql.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
