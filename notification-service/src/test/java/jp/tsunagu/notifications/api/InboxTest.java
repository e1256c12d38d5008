package jp.tsunagu.notifications.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.notifications.NotificationFixtures.Center;
import jp.tsunagu.notifications.domain.Audience;
import jp.tsunagu.notifications.domain.Notice;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.domain.Subject;
import jp.tsunagu.notifications.service.Notifier;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.notifications.NotificationFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The inbox API: each user their own notifications, newest first, paged, read marks, the badge. */
@QuarkusTest
class InboxTest {

    @Inject
    Notifier notifier;

    private Center center;

    @BeforeEach
    void newCenter() {
        center = Center.create("inbox");
    }

    /** Tells the user a notice of that kind about a new case; answers the case. */
    private UUID tell(TestTokens.Builder user, NotificationKind kind) {
        UUID caseId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> notifier.tell(Notice.of(kind, center.id(), caseId,
                new Subject(Subject.Type.CASE, caseId), Map.of("toPhase", "FOLLOW_UP"), Audience.NAMED, null)
                .to(Set.of(user.subject())), UUID.randomUUID().toString()));
        return caseId;
    }

    @Test
    void theInboxIsNewestFirstPagedAndFiltered() {
        TestTokens.Builder me = center.secondary();
        UUID first = tell(me, NotificationKind.PHASE_CHANGED);
        UUID second = tell(me, NotificationKind.CASE_CLOSED);
        UUID third = tell(me, NotificationKind.PHASE_CHANGED);

        String cursor = as(me).when().get("/api/v1/notifications?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items.caseId", equalTo(List.of(third.toString(), second.toString())))
                .body("items[0].title", equalTo("支援の段階が変わりました"))
                .body("items[0].link", startsWith("http")).body("items[0].link", org.hamcrest.Matchers.endsWith("/cases/" + third))
                .body("items[0].readAt", nullValue()).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(me).when().get("/api/v1/notifications?limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items.caseId", equalTo(List.of(first.toString()))).body("nextCursor", nullValue());
        as(me).when().get("/api/v1/notifications?kind=CASE_CLOSED").then().statusCode(200)
                .body("items.caseId", equalTo(List.of(second.toString())));
        as(me).when().get("/api/v1/notifications?kind=NO_SUCH_KIND").then().statusCode(400);
        as(me).when().get("/api/v1/notifications?limit=201").then().statusCode(400);
    }

    @Test
    void readMarksAndTheBadge() {
        TestTokens.Builder me = center.primary();
        tell(me, NotificationKind.PHASE_CHANGED);
        tell(me, NotificationKind.TEAM_CHANGED);
        tell(me, NotificationKind.CASE_CLOSED);
        as(me).when().get("/api/v1/notifications/unread-count").then().statusCode(200).body("unread", equalTo(3));

        String id = as(me).when().get("/api/v1/notifications?kind=TEAM_CHANGED").then().extract().path("items[0].id");
        String readAt = as(me).when().post("/api/v1/notifications/" + id + "/read").then().statusCode(200)
                .body("readAt", notNullValue()).extract().path("readAt");
        as(me).when().post("/api/v1/notifications/" + id + "/read").then().statusCode(200).body("readAt", equalTo(readAt));
        as(me).when().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(2));
        as(me).when().get("/api/v1/notifications?unread=true").then().body("items", hasSize(2));

        as(me).when().post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(2));
        as(me).when().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
        as(me).when().post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(0));
    }

    @Test
    void noOneSeesAnotherUsersNotifications() {
        tell(center.supervisor(), NotificationKind.CASE_CLOSED);
        String theirs = as(center.supervisor()).when().get("/api/v1/notifications").then().extract().path("items[0].id");
        for (TestTokens.Builder other : List.of(center.deputy(), center.primary(), center.admin())) {
            as(other).when().get("/api/v1/notifications/" + theirs).then().statusCode(404);
            as(other).when().post("/api/v1/notifications/" + theirs + "/read").then().statusCode(404);
            as(other).when().post("/api/v1/notifications/" + theirs + "/acknowledgement").then().statusCode(404);
            List<String> listed = as(other).when().get("/api/v1/notifications?limit=200").then().extract().path("items.id");
            assertThat(listed).doesNotContain(theirs);
        }
        as(center.deputy()).when().post("/api/v1/notifications/read-all").then().statusCode(200);
        as(center.supervisor()).when().get("/api/v1/notifications/" + theirs).then().statusCode(200)
                .body("readAt", nullValue());
    }

    @Test
    void onlyACrisisAlertIsAcknowledged() {
        tell(center.primary(), NotificationKind.CASE_CLOSED);
        String id = as(center.primary()).when().get("/api/v1/notifications").then().extract().path("items[0].id");
        as(center.primary()).when().post("/api/v1/notifications/" + id + "/acknowledgement").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void partnersAndCenterSystemsHaveNoInboxAndNoTokenIsNoAnswer() {
        for (String path : List.of("/api/v1/notifications", "/api/v1/notifications/unread-count")) {
            as(TestTokens.user("inbox-partner").roles("partner-agency").agency("tokyo-police")).when().get(path)
                    .then().statusCode(403);
            as(TestTokens.user("inbox-center-system").roles("center-system").center("tokyo")).when().get(path)
                    .then().statusCode(403);
            given().when().get(path).then().statusCode(401);
        }
    }
}
