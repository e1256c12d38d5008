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

    Audit audit();

    Directory directory();

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

        /**
         * When a claim never sealed is taken to be of a request that died (its process killed):
         * longer than any request runs, as taking over a live one would act twice.
         */
        Duration abandonedAfter();
    }

    interface Inbox {
        /** Attempts at an event before it goes to the dead-letter topic. */
        int attempts();

        /**
         * The first wait before an event whose effect found something unavailable (503: Keycloak,
         * case-service) is tried again; it doubles up to 30 times as long, for as long as it takes.
         */
        Duration unavailableWait();
    }

    interface Audit {
        /**
         * Whether the audit entries about cases' objects are also published ({@code audit.recorded.v2})
         * for the cases' access logs in case-service; on in every service but case-service itself.
         */
        @WithDefault("false")
        boolean share();
    }

    /** Keycloak's directory, read through its admin API with the service's own account. */
    interface Directory {
        /** Keycloak's base URL (the admin API is under {@code /admin/realms}). */
        String keycloakUrl();

        String realm();

        /** The user attribute that names a user's center. */
        @WithDefault("center_id")
        String centerAttribute();
    }
}
