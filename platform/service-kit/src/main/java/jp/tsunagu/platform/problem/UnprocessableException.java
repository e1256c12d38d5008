package jp.tsunagu.platform.problem;

/** Well-formed input that cannot be acted on (e.g. an idempotency key reused with another body). */
public class UnprocessableException extends DomainException {

    public UnprocessableException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.UNPROCESSABLE;
    }
}
