package jp.tsunagu.platform.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnreachableTest {

    @Test
    void connectionFailuresAndAServerShuttingDownOrCrashedAreUnreachable() {
        assertThat(DatabaseUnreachable.is(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseUnreachable.is(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseUnreachable.is(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseUnreachable.is(new SQLException("the database system is in recovery mode", "57P03"))).isTrue();
        assertThat(DatabaseUnreachable.is(new SQLTransientConnectionException("no connection in time"))).isTrue();
        assertThat(DatabaseUnreachable.is(new org.hibernate.exception.JDBCConnectionException("lost",
                new SQLException("lost", "08006")))).isTrue();
    }

    @Test
    void aCommitRolledBackOnALostConnectionIsUnreachable() {
        jakarta.transaction.RollbackException atCommit = new jakarta.transaction.RollbackException("commit failed");
        atCommit.addSuppressed(new IllegalStateException("flush", new SQLException("I/O error", "08006")));
        assertThat(DatabaseUnreachable.is(atCommit)).isTrue();

        jakarta.transaction.RollbackException markedRollbackOnly = new jakarta.transaction.RollbackException("rollback only");
        assertThat(DatabaseUnreachable.is(markedRollbackOnly)).isFalse();
    }

    @Test
    void refusedValuesConflictsAndFailuresWithoutStateAreNot() {
        assertThat(DatabaseUnreachable.is(new SQLException("unique", "23505"))).isFalse();
        assertThat(DatabaseUnreachable.is(new SQLException("serialization", "40001"))).isFalse();
        assertThat(DatabaseUnreachable.is(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnreachable.is(new IllegalStateException("other"))).isFalse();
    }
}
