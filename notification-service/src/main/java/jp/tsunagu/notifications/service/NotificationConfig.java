package jp.tsunagu.notifications.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;

/**
 * notification-service's own settings ({@code tsunagu.notifications.*}). A key under
 * {@code tsunagu.} that no mapping knows fails the start.
 */
@ConfigMapping(prefix = "tsunagu.notifications")
public interface NotificationConfig {

    /** The frontend's address the links of notifications start with (its path follows: /cases/{id}, ...). */
    String linkBase();

    Crisis crisis();

    VisitReminders visitReminders();

    Stream stream();

    interface Crisis {
        /** How long an alert waits for its acknowledgement before it escalates, and again between escalations. */
        @WithDefault("PT15M")
        Duration escalateAfter();

        /** How often the escalation watch looks for alerts due ({@link CrisisEscalation}). */
        @WithDefault("PT10S")
        Duration escalationCheck();
    }

    interface VisitReminders {
        /** From what time of the morning (Tokyo) a visit of the next day is reminded to its visitors. */
        @WithDefault("08:00")
        LocalTime at();

        /** How often the reminder watch looks ({@link VisitReminders}). */
        @WithDefault("PT1M")
        Duration check();
    }

    /** The live stream ({@code GET /notifications/stream}, {@link LiveInbox}) and its signals ({@link InboxSignals}). */
    interface Stream {
        /** How often a quiet stream sends a comment line, so proxies keep the connection open. */
        @WithDefault("PT15S")
        Duration heartbeat();

        /** How long the listening connection waits before it connects again after a failure. */
        @WithDefault("PT2S")
        Duration listenerRetry();
    }
}
