package jp.tsunagu.notifications.domain;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The object a notification links to: its kind and id, and its path in the frontend. */
public record Subject(Type type, UUID id) {

    public enum Type { CASE, VISIT, REFERRAL, CRISIS_ALERT, WEBHOOK_DELIVERY }

    public Subject {
        requireNonNull(type, "type");
        requireNonNull(id, "id");
    }

    /** Where the object is, relative to the frontend's base address (tsunagu.notifications.link-base). */
    public String path() {
        return switch (type) {
            case CASE -> "/cases/" + id;
            case VISIT -> "/visits/" + id;
            case REFERRAL -> "/referrals/" + id;
            case CRISIS_ALERT -> "/crisis-alerts/" + id;
            case WEBHOOK_DELIVERY -> "/webhook-deliveries/" + id;
        };
    }
}
