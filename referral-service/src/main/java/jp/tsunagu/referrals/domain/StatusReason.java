package jp.tsunagu.referrals.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A reason for a status: a code (counted, may travel in stats) and a text written for the other
 * side (free text: it stays in referral-service, never in events or logs).
 */
public record StatusReason(StatusReasonCode code, Optional<String> text) {

    public StatusReason {
        Objects.requireNonNull(code, "code");
        text = Objects.requireNonNullElse(text, Optional.<String>empty()).filter(t -> !t.isBlank());
    }

    public static StatusReason of(StatusReasonCode code) {
        return new StatusReason(code, Optional.empty());
    }

    public static StatusReason of(StatusReasonCode code, String text) {
        return new StatusReason(code, Optional.ofNullable(text));
    }
}
