package jp.tsunagu.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The platform's typed configuration ({@code tsunagu.*}); defaults in META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "tsunagu")
public interface PlatformConfig {

    Outbox outbox();

    Idempotency idempotency();

    Inbox inbox();

    /** The CloudEvents source of this service's events, e.g. {@code /tsunagu/case-service}. */
    @WithName("event-source")
    @WithDefault("/tsunagu/${quarkus.application.name}")
    String eventSource();

    interface Outbox {
        /** How often the relay sweeps for events not yet published (a safety net behind after-commit). */
        Duration sweepInterval();

        int batchSize();

        /** How long published events are kept before housekeeping deletes them. */
        Duration retention();
    }

    interface Idempotency {
        /** How long a key answers with its first response. */
        Duration retention();

        /** How long a concurrent duplicate waits for the first request to finish. */
        Duration duplicateWait();
    }

    interface Inbox {
        /** Attempts at an event before it goes to the dead-letter topic. */
        int attempts();
    }
}
