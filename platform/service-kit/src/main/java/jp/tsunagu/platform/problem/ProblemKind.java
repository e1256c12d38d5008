package jp.tsunagu.platform.problem;

/**
 * The one table from the kinds of failure to HTTP: every domain exception names its kind, and
 * {@link ProblemMapper} answers it as problem+json (RFC 9457) with this status and title.
 */
public enum ProblemKind {
    INVALID_REQUEST(400, "The request is not valid"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    STALE_VERSION(412, "The resource has changed"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    URI_TOO_LONG(414, "Path and query too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "The request cannot be processed"),
    VERSION_REQUIRED(428, "If-Match required"),
    UNAVAILABLE(503, "Temporarily unavailable"),
    INTERNAL(500, "Internal error");

    private final int status;
    private final String title;

    ProblemKind(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A stable URI naming the kind, e.g. {@code https://tsunagu.jp/problems/stale-version}. */
    public String type() {
        return "https://tsunagu.jp/problems/" + name().toLowerCase().replace('_', '-');
    }

    public static ProblemKind ofStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
