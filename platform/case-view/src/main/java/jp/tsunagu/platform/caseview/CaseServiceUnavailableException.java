package jp.tsunagu.platform.caseview;

import jp.tsunagu.platform.problem.DomainException;
import jp.tsunagu.platform.problem.ProblemKind;

/** The case is not known here yet and case-service could not be asked: the caller may retry (503). */
public class CaseServiceUnavailableException extends DomainException {

    public CaseServiceUnavailableException() {
        super("The case is not known here yet and case-service did not answer; retry shortly");
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.UNAVAILABLE;
    }
}
