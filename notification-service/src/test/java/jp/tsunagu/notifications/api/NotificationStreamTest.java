package jp.tsunagu.notifications.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.notifications.domain.Audience;
import jp.tsunagu.notifications.domain.Notice;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.domain.Subject;
import jp.tsunagu.notifications.service.InboxSignals;
import jp.tsunagu.notifications.service.LiveInbox;
import jp.tsunagu.notifications.service.Notifier;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /notifications/stream} read by a real SSE client: new notifications as they commit,
 * with their seq as the event id and the inbox's own view as data, the unread count after each
 * change (from any device), resumption after {@code Last-Event-ID}, heartbeats, the end at the
 * token's expiry, and signals through PostgreSQL from any connection (another replica).
 */
@QuarkusTest
class NotificationStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Inject
    Notifier notifier;

    @Inject
    LiveInbox live;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNewNotificationArrivesWithItsSeqAndTheInboxViewThenTheUnreadCount() throws Exception {
        TestTokens.Builder me = person();
        int streamsBefore = live.followerCount();
        try (SseClient client = SseClient.open(stream, me.token(), null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            assertUnread(client.next(), 0);
            await().until(() -> live.followerCount() == streamsBefore + 1);

            Notification made = tell(me);
            SseClient.Event event = client.next();
            assertThat(event.name()).isEqualTo("notification");
            assertThat(event.id()).isEqualTo(Long.toString(made.seq));
            JsonNode inInbox = JSON.readTree(given().auth().oauth2(me.token())
                    .get("/api/v1/notifications/{id}", made.id).then().statusCode(200).extract().asString());
            assertThat(event.json()).isEqualTo(inInbox);
            assertThat(event.json().get("title").asText()).isEqualTo("支援チームが変わりました");
            assertUnread(client.next(), 1);
        }
        // a closed stream leaves nothing behind
        await().until(() -> live.followerCount() == streamsBefore);
    }

    @Test
    void aReadOrReadAllFromAnotherDeviceUpdatesTheCount() {
        TestTokens.Builder me = person();
        Notification first = tell(me);
        tell(me);
        tell(me);
        try (SseClient client = SseClient.open(stream, me.token(), null)) {
            // without Last-Event-ID: the count, and no old notification
            assertUnread(client.next(), 3);

            given().auth().oauth2(me.token()).post("/api/v1/notifications/{id}/read", first.id).then().statusCode(200);
            assertUnread(client.next(), 2);

            given().auth().oauth2(me.token()).post("/api/v1/notifications/read-all").then().statusCode(200);
            assertUnread(client.next(), 0);

            Notification later = tell(me);
            assertThat(client.next().id()).isEqualTo(Long.toString(later.seq));
            assertUnread(client.next(), 1);
        }
    }

    @Test
    void aReconnectionWithLastEventIdGetsExactlyTheMissedOnesInOrderThenTheLiveOnes() {
        TestTokens.Builder me = person();
        String lastSeen;
        try (SseClient client = SseClient.open(stream, me.token(), null)) {
            assertUnread(client.next(), 0);
            Notification seen = tell(me);
            lastSeen = client.next().id();
            assertThat(lastSeen).isEqualTo(Long.toString(seen.seq));
            assertUnread(client.next(), 1);
        }
        // made while the connection was down
        List<Long> missed = List.of(tell(me).seq, tell(me).seq, tell(me).seq);

        try (SseClient client = SseClient.open(stream, me.token(), lastSeen)) {
            for (long seq : missed) {
                SseClient.Event event = client.next();
                assertThat(event.name()).isEqualTo("notification");
                assertThat(event.id()).isEqualTo(Long.toString(seq));
                assertThat(event.json().get("seq").asLong()).isEqualTo(seq);
            }
            assertUnread(client.next(), 4);
            Notification live = tell(me);
            assertThat(client.next().id()).isEqualTo(Long.toString(live.seq));
            assertUnread(client.next(), 5);
            lastSeen = Long.toString(live.seq);
        }

        // nothing missed: the count only
        try (SseClient client = SseClient.open(stream, me.token(), lastSeen)) {
            assertUnread(client.next(), 5);
        }
    }

    @Test
    void aBacklogLongerThanOneReadComesWholeInOrderThenOneCount() {
        TestTokens.Builder me = person();
        int backlog = 2 * 100 + 7; // LiveInbox reads 100 at a time
        List<Long> made = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                seqs.add(notifier.tell(notice(me.subject()), "stream-test-" + UUID.randomUUID()).getFirst().seq);
            }
            return seqs;
        });
        try (SseClient client = SseClient.open(stream, me.token(), "0")) {
            for (long seq : made) {
                SseClient.Event event = client.next();
                assertThat(event.name()).isEqualTo("notification");
                assertThat(event.id()).isEqualTo(Long.toString(seq));
            }
            assertUnread(client.next(), backlog);
        }
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        TestTokens.Builder me = person();
        try (SseClient client = SseClient.open(stream, me.token(), null)) {
            assertUnread(client.next(), 0);
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                notifier.tell(notice(me.subject()), "stream-test-" + UUID.randomUUID());
                throw new IllegalStateException("changed my mind");
            })).isInstanceOf(IllegalStateException.class);

            Notification kept = tell(me);
            SseClient.Event event = client.next();
            assertThat(event.name()).isEqualTo("notification");
            assertThat(event.json().get("id").asText()).isEqualTo(kept.id.toString());
            assertUnread(client.next(), 1);
        }
    }

    @Test
    void anotherUsersNotificationsNeverReachThisStream() {
        TestTokens.Builder me = person();
        TestTokens.Builder other = person();
        try (SseClient mine = SseClient.open(stream, me.token(), null);
             SseClient theirs = SseClient.open(stream, other.token(), null)) {
            assertUnread(mine.next(), 0);
            assertUnread(theirs.next(), 0);

            Notification forThem = tell(other);
            assertThat(theirs.next().id()).isEqualTo(Long.toString(forThem.seq));
            assertUnread(theirs.next(), 1);
            given().auth().oauth2(other.token()).post("/api/v1/notifications/read-all").then().statusCode(200);
            assertUnread(theirs.next(), 0);

            Notification forMe = tell(me);
            SseClient.Event event = mine.next();
            assertThat(event.json().get("id").asText()).isEqualTo(forMe.id.toString());
            assertUnread(mine.next(), 1);
        }
    }

    @Test
    void aNotificationCommittedOnAnotherConnectionReachesTheStreamLikeFromAnotherReplica() throws SQLException {
        TestTokens.Builder me = person();
        try (SseClient client = SseClient.open(stream, me.token(), null)) {
            assertUnread(client.next(), 0);
            UUID id = UUID.randomUUID();
            long seq;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                seq = insertElsewhere(connection, me.subject(), id);
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, InboxSignals.CHANNEL);
                    notify.setString(2, me.subject());
                    notify.execute();
                }
                connection.commit();
            }
            SseClient.Event event = client.next();
            assertThat(event.id()).isEqualTo(Long.toString(seq));
            assertThat(event.json().get("id").asText()).isEqualTo(id.toString());
            assertUnread(client.next(), 1);
        }
    }

    @Test
    void theListeningConnectionComesBackAfterAFailureAndNothingIsMissed() throws SQLException {
        TestTokens.Builder me = person();
        try (SseClient client = SseClient.open(stream, me.token(), null)) {
            assertUnread(client.next(), 0);
            int listenerPid = listenerPid();
            assertThat(listenerPid).isPositive();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement kill = connection.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, listenerPid);
                kill.execute();
            }
            // made while no one may be listening: told when the listener is back
            Notification made = tell(me);
            assertThat(client.next().id()).isEqualTo(Long.toString(made.seq));
            assertUnread(client.next(), 1);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                int pid = listenerPid();
                return pid > 0 && pid != listenerPid;
            });
            Notification after = tell(me);
            assertThat(client.next().id()).isEqualTo(Long.toString(after.seq));
        }
    }

    @Test
    void aQuietStreamSendsHeartbeats() {
        try (SseClient client = SseClient.open(stream, person().token(), null)) {
            assertUnread(client.next(), 0);
            assertThat(client.nextComment().comment()).isEqualTo("heartbeat");
            assertThat(client.nextComment().comment()).isEqualTo("heartbeat");
        }
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() {
        Instant expiresAt = Instant.now().plusSeconds(3);
        String token = person().expiresAt(expiresAt).token();
        Instant expiry = Instant.ofEpochSecond(expiresAt.getEpochSecond()); // exp is in whole seconds
        try (SseClient client = SseClient.open(stream, token, null)) {
            assertThat(client.status()).isEqualTo(200);
            assertUnread(client.next(), 0);
            client.awaitEnd();
            assertThat(Instant.now()).isAfterOrEqualTo(expiry);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"supporter", "supervisor", "peer-supporter", "admin"})
    void everyRoleWithAnInboxMayFollowIt(String role) {
        TestTokens.Builder someone = TestTokens.user("stream-" + role + "-" + UUID.randomUUID()).roles(role);
        if (!role.equals("admin")) {
            someone.center("stream-center");
        }
        try (SseClient client = SseClient.open(stream, someone.token(), null)) {
            assertThat(client.status()).isEqualTo(200);
            assertUnread(client.next(), 0);
        }
    }

    @Test
    void noTokenIs401AndRolesWithoutAnInboxAre403() {
        try (SseClient client = SseClient.open(stream, null, null)) {
            assertThat(client.status()).isEqualTo(401);
            assertThat(client.header("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        try (SseClient client = SseClient.open(stream, TestTokens.partnerAgency("tokyo-police"), null)) {
            assertThat(client.status()).isEqualTo(403);
            assertThat(client.header("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        String centerSystem = TestTokens.user("service-account-tokyo-center").roles("center-system").center("tokyo")
                .token();
        try (SseClient client = SseClient.open(stream, centerSystem, null)) {
            assertThat(client.status()).isEqualTo(403);
        }
        TestTokens.Builder expired = person().expiresAt(Instant.now().minusSeconds(120));
        try (SseClient client = SseClient.open(stream, expired.token(), null)) {
            assertThat(client.status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5"})
    void aLastEventIdThatIsNoSeqIs400(String lastEventId) {
        try (SseClient client = SseClient.open(stream, person().token(), lastEventId)) {
            assertThat(client.status()).isEqualTo(400);
            assertThat(client.header("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
    }

    // --- fixtures -------------------------------------------------------------------------------

    private static TestTokens.Builder person() {
        return TestTokens.user("stream-" + UUID.randomUUID()).roles("supporter").center("stream-center");
    }

    private static Notice notice(String recipient) {
        UUID caseId = UUID.randomUUID();
        return Notice.of(NotificationKind.TEAM_CHANGED, "stream-center", caseId, new Subject(Subject.Type.CASE, caseId),
                Map.of(), Audience.TEAM, null).to(Set.of(recipient));
    }

    /** One notification for that person, committed. */
    private Notification tell(TestTokens.Builder person) {
        List<Notification> made = QuarkusTransaction.requiringNew().call(() ->
                notifier.tell(notice(person.subject()), "stream-test-" + UUID.randomUUID()));
        assertThat(made).hasSize(1);
        return made.getFirst();
    }

    private static void assertUnread(SseClient.Event event, long unread) {
        assertThat(event.name()).isEqualTo("unread-count");
        assertThat(event.id()).isNull();
        assertThat(event.json().get("unread").asLong()).isEqualTo(unread);
    }

    /** A notification written by plain SQL on a connection of its own, as another replica would; answers its seq. */
    private static long insertElsewhere(Connection connection, String recipient, UUID id) throws SQLException {
        long seq;
        try (PreparedStatement next = connection.prepareStatement("""
                insert into recipient_sequence (recipient_id, last_seq) values (?, 1)
                on conflict (recipient_id) do update set last_seq = recipient_sequence.last_seq + 1
                returning last_seq""")) {
            next.setString(1, recipient);
            try (ResultSet rows = next.executeQuery()) {
                rows.next();
                seq = rows.getLong(1);
            }
        }
        UUID caseId = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into notification (id, recipient_id, seq, kind, center_id, case_id, subject_type, subject_id,
                                          facts, cause, created_at)
                values (?, ?, ?, 'PHASE_CHANGED', 'stream-center', ?, 'CASE', ?, '{}'::jsonb, ?, now())""")) {
            insert.setObject(1, id);
            insert.setString(2, recipient);
            insert.setLong(3, seq);
            insert.setObject(4, caseId);
            insert.setObject(5, caseId);
            insert.setString(6, "elsewhere-" + id);
            insert.executeUpdate();
        }
        return seq;
    }

    /** The listening connection's backend, or 0 while there is none. */
    private int listenerPid() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement(
                     "select pid from pg_stat_activity where application_name = ? order by backend_start desc limit 1")) {
            find.setString(1, InboxSignals.APPLICATION_NAME);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }
}
