package jp.tsunagu.referrals.domain;

/** What a phone number takes: calls or faxes (many agencies still answer referrals by fax). */
public enum PhoneKind {
    VOICE("voice"),
    FAX("fax");

    private final String hsds;

    PhoneKind(String hsds) {
        this.hsds = hsds;
    }

    /** The value of HSDS's {@code phone.type} (RFC 6350 types). */
    public String hsds() {
        return hsds;
    }
}
