package jp.tsunagu.platform.inbox;

import jp.tsunagu.platform.problem.DomainException;
import jp.tsunagu.platform.problem.ProblemKind;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of an event's effect wait without spending an attempt (never a dead letter for an outage). */
class UnavailableFailuresTest {

    @Test
    void theDatabaseOutOfReachIsAnOutageNotTheEventsFault() {
        assertThat(EventInbox.isUnavailable(new IllegalStateException("commit failed",
                new org.hibernate.exception.JDBCConnectionException("lost", new SQLException("I/O error", "08006"))))).isTrue();
        assertThat(EventInbox.isUnavailable(new RuntimeException(new SQLException("recovering", "57P03")))).isTrue();
        assertThat(EventInbox.isUnavailable(new DomainException("case-service cannot be reached") {
            @Override
            public ProblemKind kind() {
                return ProblemKind.UNAVAILABLE;
            }
        })).isTrue();
    }

    @Test
    void aRefusedValueOrAnyOtherFailureSpendsAnAttempt() {
        assertThat(EventInbox.isUnavailable(new RuntimeException(new SQLException("unique", "23505")))).isFalse();
        assertThat(EventInbox.isUnavailable(new IllegalArgumentException("bad data"))).isFalse();
    }
}
