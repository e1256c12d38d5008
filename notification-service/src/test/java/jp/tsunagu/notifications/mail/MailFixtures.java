package jp.tsunagu.notifications.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.notifications.domain.Audience;
import jp.tsunagu.notifications.domain.Notice;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.domain.Subject;
import jp.tsunagu.notifications.service.Notifier;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the e-mail tests share: users of their own, notifications told to them, their mail rows. */
final class MailFixtures {

    static final String CENTER = "tokyo";

    private MailFixtures() {
    }

    /** A supporter no other test knows, known to the (fake) Keycloak directory with an e-mail address. */
    static TestTokens.Builder newUser() {
        TestTokens.Builder user = TestTokens.user("mail-" + UUID.randomUUID()).roles("supporter").center(CENTER);
        TestDirectory.knows(user);
        return user;
    }

    /** The address the fake Keycloak answers for the user (TestDirectory). */
    static String address(TestTokens.Builder user) {
        return "user-" + user.subject().substring(0, 8) + "@example.invalid";
    }

    static RequestSpecification as(TestTokens.Builder user) {
        return given().auth().oauth2(user.token()).contentType("application/json");
    }

    /** Sets the user's preferences through the API (the first time: created, 201). */
    static void prefer(TestTokens.Builder user, Map<String, Object> preferences) {
        as(user).header("If-Match", "*").body(preferences).when().put("/api/v1/preferences")
                .then().statusCode(200);
    }

    static void preferFirst(TestTokens.Builder user, Map<String, Object> preferences) {
        as(user).body(preferences).when().put("/api/v1/preferences").then().statusCode(201);
    }

    /** A notification of the kind for the user, as a rule would tell it (its own cause); answers it. */
    static Notification tell(Notifier notifier, NotificationKind kind, TestTokens.Builder user, Map<String, String> facts) {
        UUID caseId = UUID.randomUUID();
        Subject subject = switch (kind) {
            case CRISIS_ALERT, CRISIS_ESCALATED -> new Subject(Subject.Type.CRISIS_ALERT, UUID.randomUUID());
            case REFERRAL_STATUS_CHANGED, REFERRAL_OVERDUE -> new Subject(Subject.Type.REFERRAL, UUID.randomUUID());
            default -> new Subject(Subject.Type.CASE, caseId);
        };
        Notice notice = Notice.of(kind, CENTER, caseId, subject, facts, Audience.NAMED, null).to(Set.of(user.subject()));
        List<Notification> made = QuarkusTransaction.requiringNew()
                .call(() -> notifier.tell(notice, "mail-test/" + UUID.randomUUID()));
        if (made.size() != 1) {
            throw new IllegalStateException("expected one notification, made " + made.size());
        }
        return made.get(0);
    }

    /** The user's outgoing mails: state, digest, attempts, how many notifications each, oldest first. */
    static List<Map<String, Object>> mailsOf(DataSource database, TestTokens.Builder user) {
        return rows(database, """
                select m.state, m.digest, m.attempts, m.last_failure, count(i.notification_id) as items
                from outgoing_mail m join outgoing_mail_item i on i.mail_id = m.id
                where m.recipient_id = ? group by m.id order by m.created_at, m.id""", user.subject());
    }

    static List<Map<String, Object>> rows(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
