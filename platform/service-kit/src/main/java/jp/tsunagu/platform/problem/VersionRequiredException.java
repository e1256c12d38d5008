package jp.tsunagu.platform.problem;

/** An update came without {@code If-Match}: updates must say which version they change. */
public class VersionRequiredException extends DomainException {

    public VersionRequiredException() {
        super("Send If-Match with the ETag of the version you are changing");
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.VERSION_REQUIRED;
    }
}
