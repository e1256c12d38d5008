package jp.tsunagu.cases.domain;

import jp.tsunagu.platform.problem.ConflictException;

/** A closed case is read-only until it is reopened. */
public class CaseClosedException extends ConflictException {
    public CaseClosedException() {
        super("The case is closed; reopen it first");
    }
}
