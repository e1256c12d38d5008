package jp.tsunagu.notifications.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.AuthorizationMatrix;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.UUID;

/**
 * Every endpoint of notification-service with every kind of caller. The people of the centers and
 * the operators have an inbox, a stream and preferences (each their own: a notification of someone
 * else is a 404 like one that does not exist); partner agencies and center systems have nothing
 * here; the webhook deliveries are the operators' alone. A stream that is let in never ends, so
 * only its refusals are walked here (NotificationStreamTest opens it for each inbox role). The
 * preferences' successful writes are PreferencesApiTest's.
 */
@QuarkusTest
class NotificationAuthorizationMatrixTest {

    private static final TestTokens.Builder SUPPORTER = TestTokens.user("matrix-supporter").roles("supporter").center("tokyo");
    private static final TestTokens.Builder SUPERVISOR = TestTokens.user("matrix-supervisor").roles("supervisor").center("tokyo");
    private static final TestTokens.Builder PEER = TestTokens.user("matrix-peer").roles("peer-supporter").center("tokyo");
    private static final TestTokens.Builder OSAKA = TestTokens.user("matrix-osaka").roles("supervisor").center("osaka");
    private static final TestTokens.Builder CENTER_SYSTEM = TestTokens.user("matrix-center-system").roles("center-system")
            .center("tokyo");
    private static final TestTokens.Builder PARTNER = TestTokens.user("matrix-partner").roles("partner-agency")
            .agency("tokyo-police");
    private static final TestTokens.Builder ADMIN = TestTokens.user("matrix-admin").roles("admin");

    @TestFactory
    List<DynamicTest> everyEndpointWithEveryCaller() {
        TestDirectory.knows(SUPPORTER, SUPERVISOR, PEER, OSAKA, CENTER_SYSTEM, ADMIN);
        String someone = "/api/v1/notifications/" + UUID.randomUUID();
        String delivery = "/api/v1/webhook-deliveries/" + UUID.randomUUID();
        // callers, in this order: supporter, supervisor, peer, osaka supervisor, center system, partner, admin
        String inbox = "200 200 200 200 403 403 200";
        String notFoundForInbox = "404 404 404 404 403 403 404";
        return new AuthorizationMatrix()
                .caller("supporter", SUPPORTER)
                .caller("supervisor", SUPERVISOR)
                .caller("peer supporter", PEER)
                .caller("osaka supervisor", OSAKA)
                .caller("center system", CENTER_SYSTEM)
                .caller("partner", PARTNER)
                .caller("admin", ADMIN)
                .endpoint("GET", "/api/v1/notifications", null, inbox)
                .endpoint("GET", "/api/v1/notifications?unread=true&kind=CRISIS_ALERT", null, inbox)
                .endpoint("GET", "/api/v1/notifications/unread-count", null, inbox)
                .endpoint("GET", someone, null, notFoundForInbox)
                .endpoint("POST", someone + "/read", null, notFoundForInbox)
                .endpoint("POST", someone + "/acknowledgement", null, notFoundForInbox)
                .endpoint("POST", "/api/v1/notifications/read-all", null, inbox)
                .endpoint("GET", "/api/v1/notifications/stream", null, "--- --- --- --- 403 403 ---")
                .endpoint("GET", "/api/v1/preferences", null, inbox)
                .endpoint("PUT", "/api/v1/preferences", null, "--- --- --- --- 403 403 ---")
                .endpoint("GET", "/api/v1/webhook-deliveries", null, "403 403 403 403 403 403 200")
                .endpoint("GET", delivery, null, "403 403 403 403 403 403 404")
                .endpoint("POST", delivery + "/retry", null, "403 403 403 403 403 403 404")
                .tests();
    }
}
