package jp.tsunagu.events.audit;

import java.util.Arrays;
import java.util.Optional;

/** The Tsunagu service that audited an act. */
public enum AuditSource {
    CASE_SERVICE("case-service"),
    VISIT_SERVICE("visit-service"),
    REFERRAL_SERVICE("referral-service"),
    NOTIFICATION_SERVICE("notification-service");

    private final String serviceName;

    AuditSource(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The service's application name, e.g. {@code visit-service}. */
    public String serviceName() {
        return serviceName;
    }

    public static Optional<AuditSource> ofServiceName(String name) {
        return Arrays.stream(values()).filter(s -> s.serviceName.equals(name)).findFirst();
    }
}
