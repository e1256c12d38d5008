package jp.tsunagu.platform.problem;

/** The act contradicts the object's state (an illegal transition, a duplicate, work in progress). */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.CONFLICT;
    }
}
