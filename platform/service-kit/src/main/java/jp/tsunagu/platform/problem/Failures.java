package jp.tsunagu.platform.problem;

import java.util.StringJoiner;

/**
 * Describes a failure for the log without its messages, which may quote personal data (SQL
 * values, request content): the chain of exception classes, each with where it was thrown.
 */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable failure) {
        StringJoiner chain = new StringJoiner(" <- ");
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            chain.add(t.getClass().getName() + (frames.length > 0 ? " at " + frames[0] : ""));
        }
        return chain.toString();
    }
}
