package jp.tsunagu.events;

import java.util.Arrays;
import java.util.Optional;

/** The Kafka topics of Tsunagu, one per producing service and one of shared audit entries; the record key is the case id. */
public enum Topic {
    /** Written by case-service. */
    CASE_EVENTS("case-events"),
    /** Written by visit-service. */
    VISIT_EVENTS("visit-events"),
    /** Written by referral-service. */
    REFERRAL_EVENTS("referral-events"),
    /** Audit entries shared by the services that serve a case's objects; keyed by case id, read by case-service. */
    AUDIT_EVENTS("audit-events");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    /** The topic's name on the broker, e.g. {@code case-events}. */
    public String topicName() {
        return topicName;
    }

    /** The topic of that broker name, if it is one of ours. */
    public static Optional<Topic> fromTopicName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }
}
