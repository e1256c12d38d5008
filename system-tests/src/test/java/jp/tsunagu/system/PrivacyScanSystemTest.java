package jp.tsunagu.system;

import io.restassured.path.json.JsonPath;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10's privacy scan: after a full run with a marker or a random name in every free-text field
 * ({@link MarkedRun}), none of them is in any Kafka record (key, headers, value) of any topic, any
 * line of any log, any outbox row of any service, any notification of any demo user's inbox, any
 * mail of any mailbox, any webhook the agency received or any span the services exported. The scan
 * proves it can see: the case's own answer and the case-service's own table, where they belong,
 * hold them.
 */
class PrivacyScanSystemTest {

    private static final List<String> INBOX_USERS = List.of("tokyo-supporter-1", "tokyo-supporter-2", "tokyo-supervisor",
            "tokyo-peer", "osaka-supporter", "osaka-supervisor", "tsunagu-admin");

    private static MarkedRun run;

    @BeforeAll
    static void aFullRunWithMarkers() {
        run = SharedRun.get();
    }

    @Test
    void noMarkerNorNameLeavesWhereItBelongs() throws Exception {
        Layout layout = RunningSystem.get().layout();

        // the control: where they belong, the scan finds them
        PrivacyScan control = new PrivacyScan(run.markers);
        String caseDetail = run.reads.stream().filter(r -> r.what().equals("supporter GET /api/v1/cases/" + run.caseId))
                .findFirst().orElseThrow().body();
        control.search("case answer", "GET /cases/{id}", caseDetail);
        PrivacyPlaces.rows(Service.CASE, "support_case", t -> control.search("case rows", t.where(), t.text()));
        System.out.printf("privacy scan control: %d markers and names written; hits where they belong: %d%n",
                run.markers.count(), control.hits().size());
        control.hits().forEach(hit -> System.out.println("  control hit " + hit));
        assertThat(control.hits()).as("the scan finds the names in the case's answer and its row")
                .anyMatch(hit -> hit.startsWith("case answer") && hit.contains("subject.familyName"))
                .anyMatch(hit -> hit.startsWith("case rows") && hit.contains("subject.familyNameKana"));

        PrivacyScan scan = new PrivacyScan(run.markers);
        PrivacyPlaces.kafkaRecords(layout, t -> scan.search("kafka records", t.where(), t.text()));
        PrivacyPlaces.logLines(layout, t -> scan.search("log lines", t.where(), t.text()));
        for (Service service : Service.values()) {
            PrivacyPlaces.rows(service, "outbox%", t -> scan.search("outbox rows", t.where(), t.text()));
        }
        for (String user : INBOX_USERS) {
            String token = Logins.password(user);
            String cursor = null;
            do {
                var request = MarkedRun.as(token, Service.NOTIFICATION).queryParam("limit", 200);
                JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor))
                        .when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                for (Map<String, Object> item : items) {
                    scan.search("notifications", user + " " + item.get("id"), item + "\n" + MarkedRun.as(token,
                            Service.NOTIFICATION).when().get("/api/v1/notifications/" + item.get("id")).asString());
                }
                cursor = page.getString("nextCursor");
            } while (cursor != null);
        }
        List<String> mails = Mailboxes.texts(layout);
        for (int i = 0; i < mails.size(); i++) {
            scan.search("mails", "mail " + (i + 1), mails.get(i));
        }
        for (int i = 0; i < run.webhookBodies.size(); i++) {
            scan.search("webhooks", "delivery " + (i + 1), run.webhookBodies.get(i));
        }
        RunningSystem.get().traces().all().forEach(span -> scan.search("spans", span.where(), span.text()));

        System.out.printf("privacy scan: places searched %s; hits %d%n", scan.searched(), scan.hits().size());
        scan.hits().forEach(hit -> System.out.println("  HIT " + hit));
        assertThat(scan.searched()).containsKeys("kafka records", "log lines", "outbox rows", "notifications", "mails",
                "webhooks", "spans");
        assertThat(scan.hits()).as("markers and names outside the case's own answers and tables").isEmpty();
    }
}
