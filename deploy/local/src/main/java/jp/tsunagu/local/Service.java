package jp.tsunagu.local;

import java.nio.file.Path;

/** The four services: their module, database and port on a local machine. */
public enum Service {
    CASE("case-service", "cases", 8081),
    VISIT("visit-service", "visits", 8082),
    REFERRAL("referral-service", "referrals", 8083),
    NOTIFICATION("notification-service", "notifications", 8084);

    private final String module;
    private final String database;
    private final int localPort;

    Service(String module, String database, int localPort) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int localPort() {
        return localPort;
    }

    /** The packaged application (Quarkus fast-jar) inside the repository. */
    public Path jar(Path repository) {
        return repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
