package jp.tsunagu.platform.problem;

/** The caller's role does not allow the act (on an object they may see; otherwise it is a 404). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.FORBIDDEN;
    }
}
