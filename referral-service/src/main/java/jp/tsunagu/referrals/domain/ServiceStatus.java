package jp.tsunagu.referrals.domain;

/** Whether an agency's service runs (HSDS service status, without HSDS's {@code defunct}: a service gone is removed). */
public enum ServiceStatus {
    ACTIVE("active"),
    INACTIVE("inactive"),
    /** 一時休止: closed for now, expected back. */
    TEMPORARILY_CLOSED("temporarily closed");

    private final String hsds;

    ServiceStatus(String hsds) {
        this.hsds = hsds;
    }

    /** The value of HSDS's {@code service.status}. */
    public String hsds() {
        return hsds;
    }
}
