package jp.tsunagu.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is the database being out of reach (down, restarting, recovering after a
 * crash), which a client meets as 503 and a retry, never as a 500: SQLSTATE class 08 (connection
 * exception) or 57P (operator intervention: shut down, crashed, cannot connect now), or the pool
 * finding no connection in time. A commit that failed on a lost connection arrives as the
 * transaction manager's RollbackException, carrying the driver's failure among its suppressed.
 */
public final class DatabaseUnreachable {

    /** What a client is told to wait before sending again: about the time a crash recovery takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnreachable() {
    }

    public static boolean is(Throwable failure) {
        if (itself(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            int depth = 0;
            for (Throwable t = suppressed; t != null && depth < 10; t = t.getCause(), depth++) {
                if (itself(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean itself(Throwable failure) {
        if (failure instanceof org.hibernate.exception.JDBCConnectionException
                || failure instanceof SQLTransientConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P");
        }
        return false;
    }
}
