package jp.tsunagu.platform.problem;

import java.util.List;

/** Input that breaks a rule Bean Validation cannot express, field by field. */
public class InvalidRequestException extends DomainException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super("The request has invalid fields");
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.INVALID_REQUEST;
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
