package jp.tsunagu.platform.problem;

/**
 * The object does not exist, or the caller may not see it: both answer the same 404 so that
 * nothing leaks across centers or agencies.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.NOT_FOUND;
    }
}
