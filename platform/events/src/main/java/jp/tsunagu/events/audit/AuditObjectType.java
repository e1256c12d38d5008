package jp.tsunagu.events.audit;

import java.util.Arrays;
import java.util.Optional;

/** The kind of object an audited act was on, as the services name it in their audit trails. */
public enum AuditObjectType {
    CASE("case"),
    VISIT("visit"),
    CONSENT("consent"),
    REFERRAL("referral");

    private final String code;

    AuditObjectType(String code) {
        this.code = code;
    }

    /** The name in the audit trail, e.g. {@code visit}. */
    public String code() {
        return code;
    }

    public static Optional<AuditObjectType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
