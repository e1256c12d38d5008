package jp.tsunagu.platform.security;

/** The realm roles of api.md, as constants for {@code @RolesAllowed}. */
public final class Roles {

    /** Case worker of a center (相談員, 保健師, ...). */
    public static final String SUPPORTER = "supporter";
    /** Lead of a center. */
    public static final String SUPERVISOR = "supervisor";
    /** Peer who accompanies visits (ピアサポーター). */
    public static final String PEER_SUPPORTER = "peer-supporter";
    /** A partner organisation's system or staff. */
    public static final String PARTNER_AGENCY = "partner-agency";
    /** A regional center's own system. */
    public static final String CENTER_SYSTEM = "center-system";
    /** Operator: directory, webhooks, realm settings; no case content. */
    public static final String ADMIN = "admin";
    /** Another Tsunagu service calling with its service-account token. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
