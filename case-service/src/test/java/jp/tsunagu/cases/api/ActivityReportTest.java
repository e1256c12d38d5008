package jp.tsunagu.cases.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.cases.domain.AgeBand;
import jp.tsunagu.cases.domain.Relation;
import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.api.ActivityMonth.as;
import static jp.tsunagu.cases.CaseFixtures.ADMIN;
import static jp.tsunagu.cases.CaseFixtures.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * GET /reports/activity over a known June 2026 of a center of its own: cases opened (one from an
 * inquiry), closed and reopened through the API at moments set on the application's clock, some
 * before the month and one after it; consultations (corrected too) and inquiries through their API;
 * visits and referrals published to Kafka as visit- and referral-service publish them; activity
 * outside the month and in another center that must not count. Every cell of the JSON is
 * checked, the CSV holds the same figures, and the center's system reads small cells masked where a
 * supervisor reads them as they are, in the report and in /stats.
 */
@QuarkusTest
class ActivityReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JUNE = "?from=2026-06-01&to=2026-06-30";

    /** A center of this test alone: nothing another test does can change its counts. */
    private final String center = "report-" + UUID.randomUUID().toString().substring(0, 8);
    private final String elsewhere = center + "-other";
    private final TestTokens.Builder supervisor = TestTokens.user("supervisor-of-" + center).roles("supervisor").center(center);
    private final TestTokens.Builder system = TestTokens.user("system-of-" + center).roles("center-system").center(center);
    private final TestTokens.Builder otherSupervisor = TestTokens.user("supervisor-of-" + elsewhere).roles("supervisor")
            .center(elsewhere);

    @Test
    void countsEveryCellOfTheMonthOfTheCallersCenterMaskedForItsSystemOnly() throws IOException {
        ActivityMonth month = new ActivityMonth(MovableClock.installedAt(ActivityMonth.tokyo("2026-03-01T09:00")));
        TestTokens.Builder s = supervisor;
        TestTokens.Builder o = otherSupervisor;
        // before June: C1 closed and stays closed; C2 closed, reopened in June; C3 closed and reopened before June
        UUID c1 = month.open(s, "2026-03-01T09:00", "PHONE", "1980-01-01", null, "2010-01");
        UUID c2 = month.open(s, "2026-03-01T09:30", "PHONE", "1975-01-15", null, "2006-06");
        UUID c3 = month.open(s, "2026-03-02T10:00", "EMAIL", null, null, "2016-06");
        UUID a = month.open(s, "2026-04-10T10:00", "PHONE", "1990-07-01", null, "2019-04");
        UUID b = month.open(s, "2026-05-31T23:59:30", "EMAIL", null, 2008, "2025-12");
        month.close(s, "2026-05-15T10:00", c1);
        month.close(s, "2026-05-15T10:05", c2);
        month.close(s, "2026-05-20T10:00", c3);
        month.reopen(s, "2026-05-25T10:00", c3);
        month.endHomeVisits(s, "2026-05-30T10:00", c3, "EMPLOYED");
        // June: N1 on its first minute, N3 on its last, one from an inquiry; B closed, N2 closed twice
        UUID n1 = month.open(s, "2026-06-01T00:00:30", "VISIT", "2000-06-30", null, "2026-01");
        month.endHomeVisits(s, "2026-06-05T11:00", a, "MOVED_TO_CENTER_SUPPORT");
        UUID asked = month.inquiry(s, "2026-06-05T15:00", "EMAIL", "SUBJECT", null, null, null);
        month.openFromInquiry(s, "2026-06-06T10:00", asked, "EMAIL", 1996, "2025-01");
        month.reopen(s, "2026-06-10T15:00", c2);
        UUID n2 = month.open(s, "2026-06-15T13:00", "PHONE", "1986-07-01", null, "2023-06");
        month.close(s, "2026-06-20T17:00", b);
        month.close(s, "2026-06-22T10:00", n2);
        month.reopen(s, "2026-06-23T10:00", n2);
        month.close(s, "2026-06-25T10:00", n2);
        month.endHomeVisits(s, "2026-06-28T10:00", n1, "SUBJECT_DECLINED");
        month.open(s, "2026-06-30T23:59", "REFERRAL", null, 1960, "2024-07");
        // after June, and another center in June
        UUID late = month.open(s, "2026-07-01T00:00:10", "PHONE", "1995-01-01", null, "2020-01");
        month.endHomeVisits(s, "2026-07-01T09:00", late, "EMPLOYED");
        UUID foreign = month.open(o, "2026-06-10T10:00", "PHONE", "1990-01-01", null, "2019-04");
        month.endHomeVisits(o, "2026-06-11T10:00", foreign, "EMPLOYED");

        // consultations of cases: one corrected to another channel, one moved out of June
        for (int day = 1; day <= 10; day++) {
            month.consultation(s, a, "2026-06-%02dT09:00".formatted(day), "PHONE", "FAMILY", "MOTHER");
        }
        UUID toTheCenter = month.consultation(s, a, "2026-06-11T09:00", "PHONE", "FAMILY", "MOTHER");
        month.correctConsultation(s, a, toTheCenter, Map.of("channel", "CENTER_VISIT"));
        month.consultation(s, a, "2026-06-12T09:00", "CENTER_VISIT", "FAMILY", "FATHER");
        month.consultation(s, a, "2026-06-13T09:00", "CENTER_VISIT", "FAMILY", "FATHER");
        month.consultation(s, a, "2026-06-14T09:00", "EMAIL", "SUBJECT", null);
        month.consultation(s, a, "2026-06-15T09:00", "ONLINE", "AGENCY", null);
        month.consultation(s, a, "2026-06-30T23:59:59", "OTHER", "OTHER", null);
        UUID movedToJuly = month.consultation(s, a, "2026-06-29T09:00", "PHONE", "FAMILY", "SIBLING");
        month.correctConsultation(s, a, movedToJuly, Map.of("occurredAt", "2026-07-01T10:00:00+09:00"));
        month.consultation(s, a, "2026-05-31T23:59:59", "PHONE", "SUBJECT", null);
        month.consultation(s, a, "2026-07-01T00:00:00", "PHONE", "SUBJECT", null);
        month.consultation(o, foreign, "2026-06-12T09:00", "PHONE", "FAMILY", "MOTHER");
        // inquiries without a case (one became a case above)
        for (int day = 1; day <= 10; day++) {
            boolean family = day <= 6;
            month.inquiry(s, "2026-06-%02dT14:00".formatted(day), "PHONE", family ? "FAMILY" : "SUBJECT",
                    family ? "MOTHER" : null, family ? "AGE_30_TO_39" : null, day <= 2 ? "PUBLIC_HEALTH_CENTER" : null);
        }
        month.inquiry(s, "2026-06-30T23:59", "CENTER_VISIT", "AGENCY", null, "AGE_40_TO_49", "HOSPITAL");
        month.inquiry(s, "2026-05-31T23:59", "PHONE", "FAMILY", "FATHER", null, null);
        month.inquiry(s, "2026-07-01T00:00", "PHONE", "OTHER", null, null, null);
        month.inquiry(o, "2026-06-12T14:00", "PHONE", "SUBJECT", null, null, null);

        // visits, as visit-service tells them: the edges of the month, corrections, cancellations
        month.visits(s, a, VisitKind.HOME, VisitOutcome.MET_SUBJECT, "2026-06-03T10:00", "2026-06-10T10:00", "2026-06-17T10:00");
        month.visits(s, n2, VisitKind.HOME, VisitOutcome.MET_FAMILY_ONLY, "2026-06-16T10:00");
        month.visits(s, c2, VisitKind.HOME, VisitOutcome.NOT_MET, "2026-06-01T00:00", "2026-06-02T10:00", "2026-06-04T10:00",
                "2026-06-08T10:00", "2026-06-11T10:00", "2026-06-15T10:00", "2026-06-18T10:00", "2026-06-22T10:00",
                "2026-06-25T10:00", "2026-06-29T10:00", "2026-06-30T23:59:59");
        month.visits(s, c2, VisitKind.HOME, VisitOutcome.NOT_MET, "2026-05-31T23:59:59", "2026-07-01T00:00");
        UUID corrected = month.visit(s, n1, VisitKind.HOME, VisitOutcome.NOT_MET, "2026-06-12T10:00");
        month.correctVisit(s, corrected, n1, VisitKind.HOME, VisitOutcome.MET_FAMILY_ONLY, "2026-06-12T10:00");
        UUID movedOut = month.visit(s, n1, VisitKind.HOME, VisitOutcome.NOT_MET, "2026-06-29T10:00");
        month.correctVisit(s, movedOut, n1, VisitKind.HOME, VisitOutcome.NOT_MET, "2026-07-02T10:00");
        month.visits(s, a, VisitKind.HOME, VisitOutcome.CANCELLED, "2026-06-05T10:00", "2026-06-06T10:00");
        month.visits(s, a, VisitKind.OUTING, VisitOutcome.MET_SUBJECT, "2026-06-20T14:00", "2026-06-27T14:00");
        month.visits(s, a, VisitKind.OUTING, VisitOutcome.CANCELLED, "2026-06-13T14:00");
        month.visits(s, a, VisitKind.ACCOMPANIMENT, VisitOutcome.MET_SUBJECT, "2026-06-24T09:00");
        month.visits(s, b, VisitKind.FAMILY_SESSION, VisitOutcome.MET_FAMILY_ONLY, "2026-06-01T10:00", "2026-06-03T10:00",
                "2026-06-05T10:00", "2026-06-08T10:00", "2026-06-10T10:00", "2026-06-12T10:00", "2026-06-15T10:00",
                "2026-06-17T10:00", "2026-06-19T10:00", "2026-06-20T10:00");
        month.visits(o, foreign, VisitKind.HOME, VisitOutcome.MET_SUBJECT, "2026-06-10T11:00", "2026-06-12T11:00",
                "2026-06-14T11:00", "2026-06-16T11:00", "2026-06-18T11:00");
        // referrals, as referral-service tells them
        month.refer(s, a, AgencyKind.PUBLIC_HEALTH_CENTER, "2026-06-04T10:00");
        month.refer(s, c2, AgencyKind.PUBLIC_HEALTH_CENTER, "2026-06-30T23:59");
        month.refer(s, n2, AgencyKind.HOSPITAL, "2026-06-16T12:00");
        month.refer(s, a, AgencyKind.POLICE, "2026-07-01T00:00");
        month.refer(s, c3, AgencyKind.WELFARE_OFFICE, "2026-05-31T12:00");
        month.refer(o, foreign, AgencyKind.PSYCHIATRIC_CLINIC, "2026-06-10T12:00");
        month.awaitLearned();

        // the supervisor's report: every cell
        Map<String, Object> report = json(as(supervisor).when().get("/api/v1/reports/activity" + JUNE)
                .then().statusCode(200).contentType(containsString("application/json")).header("Vary", "Accept")
                .extract().response());
        assertThat(report.get("from")).isEqualTo("2026-06-01");
        assertThat(report.get("to")).isEqualTo("2026-06-30");
        assertThat(report).containsEntry("maskedBelow", null).containsOnlyKeys("from", "to", "maskedBelow", "sections");
        Map<String, Map<String, Long>> expected = expected(Map.ofEntries(
                Map.entry("consultationsByChannel", Map.of("PHONE", 10L, "CENTER_VISIT", 3L, "EMAIL", 1L, "ONLINE", 1L,
                        "OTHER", 1L)),
                Map.entry("consultationsByWith", Map.of("SUBJECT", 1L, "FAMILY", 13L, "AGENCY", 1L, "OTHER", 1L)),
                Map.entry("familyConsultationsByRelation", Map.of("FATHER", 2L, "MOTHER", 11L)),
                Map.entry("intakesByChannel", Map.of("PHONE", 1L, "VISIT", 1L, "EMAIL", 1L, "REFERRAL", 1L)),
                Map.entry("cases", Map.of("NEW", 4L, "ONGOING", 4L, "CLOSED", 2L)),
                Map.entry("homeVisitsByOutcome", Map.of("MET_SUBJECT", 3L, "MET_FAMILY_ONLY", 2L, "NOT_MET", 11L)),
                Map.entry("otherVisitsByKind", Map.of("OUTING", 2L, "ACCOMPANIMENT", 1L, "FAMILY_SESSION", 10L)),
                Map.entry("referralsByAgencyKind", Map.of("PUBLIC_HEALTH_CENTER", 2L, "HOSPITAL", 1L)),
                Map.entry("subjectsByAgeBand", Map.of("AGE_15_TO_19", 1L, "AGE_20_TO_29", 2L, "AGE_30_TO_39", 2L,
                        "AGE_50_TO_59", 1L, "AGE_65_OR_OVER", 1L, "UNKNOWN", 1L)),
                Map.entry("subjectsByWithdrawalLength", Map.of("UNDER_6_MONTHS", 1L, "MONTHS_6_TO_11", 1L, "YEARS_1_TO_2", 2L,
                        "YEARS_3_TO_4", 1L, "YEARS_5_TO_9", 1L, "YEARS_10_TO_19", 1L, "YEARS_20_OR_MORE", 1L)),
                Map.entry("homeVisitEndingsByReason", Map.of("MOVED_TO_CENTER_SUPPORT", 1L, "SUBJECT_DECLINED", 1L)),
                Map.entry("inquiries", Map.of("TOTAL", 12L, "BECAME_CASE", 1L)),
                Map.entry("inquiriesByChannel", Map.of("PHONE", 10L, "CENTER_VISIT", 1L, "EMAIL", 1L)),
                Map.entry("inquiriesByWith", Map.of("SUBJECT", 5L, "FAMILY", 6L, "AGENCY", 1L)),
                Map.entry("inquiriesByAgeBand", Map.of("AGE_30_TO_39", 6L, "AGE_40_TO_49", 1L, "UNKNOWN", 5L)),
                Map.entry("inquiriesByReferredTo", Map.of("PUBLIC_HEALTH_CENTER", 2L, "HOSPITAL", 1L))));
        assertThat(cellsOf(report)).containsExactlyElementsOf(cellsOf(expected));

        // the center's system: the same report, its counts from 1 to 9 masked, zero never
        Map<String, Object> masked = json(as(system).when().get("/api/v1/reports/activity" + JUNE)
                .then().statusCode(200).extract().response());
        assertThat(masked).containsEntry("maskedBelow", 10);
        assertThat(cellsOf(masked)).containsExactlyElementsOf(cellsOf(maskedForTheSystem(expected)));
        assertThat(section(masked, "homeVisitsByOutcome")).containsEntry("NOT_MET", 11L).containsEntry("MET_SUBJECT", null);
        assertThat(section(masked, "otherVisitsByKind")).containsEntry("FAMILY_SESSION", 10L).containsEntry("OUTING", null);
        assertThat(section(masked, "consultationsByChannel")).containsEntry("PHONE", 10L).containsEntry("CENTER_VISIT", null);
        // secondary suppression: the father's 2 would be the family's 13 less the mother's 11, so the 11 is masked
        // too; the two inquiries by center visit and e-mail could only be 1 each (12 less the phone's 10)
        assertThat(section(masked, "familyConsultationsByRelation")).containsEntry("FATHER", null)
                .containsEntry("MOTHER", null).containsEntry("SPOUSE", 0L);
        assertThat(section(masked, "consultationsByWith")).containsEntry("FAMILY", 13L);
        assertThat(section(masked, "inquiries")).containsExactly(Map.entry("TOTAL", 12L), entry("BECAME_CASE", null));
        assertThat(section(masked, "inquiriesByChannel")).containsEntry("PHONE", null).containsEntry("EMAIL", null);

        // CSV: the byte order mark, bilingual headers, one row per cell with the same figures, <10 where masked
        assertCsv(as(supervisor).accept("text/csv").when().get("/api/v1/reports/activity" + JUNE), expected, null);
        assertCsv(as(system).accept("text/csv").when().get("/api/v1/reports/activity" + JUNE), maskedForTheSystem(expected), 10);

        // /stats likewise: the supervisor's counts as they are, the system's masked
        as(supervisor).when().get("/api/v1/stats" + JUNE).then().statusCode(200)
                .body("maskedBelow", equalTo(null)).body("newCases", equalTo(4)).body("closures", equalTo(3))
                .body("crises", equalTo(0))
                .body("visitsByOutcome", equalTo(Map.of("MET_SUBJECT", 6, "MET_FAMILY_ONLY", 12, "NOT_MET", 11, "CANCELLED", 3)))
                .body("referralsByAgencyKind", equalTo(Map.of("PUBLIC_HEALTH_CENTER", 2, "HOSPITAL", 1)))
                .body("homeVisitEndingsByReason", equalTo(Map.of("MOVED_TO_CENTER_SUPPORT", 1, "SUBJECT_DECLINED", 1)));
        Map<String, Object> stats = json(as(system).when().get("/api/v1/stats" + JUNE).then().statusCode(200).extract().response());
        assertThat(stats).containsEntry("maskedBelow", 10).containsEntry("newCases", null).containsEntry("closures", null)
                .containsEntry("crises", 0);
        assertThat(stats.get("visitsByOutcome")).isEqualTo(nullable("MET_SUBJECT", null, "MET_FAMILY_ONLY", 12,
                "NOT_MET", 11, "CANCELLED", null));
        assertThat(stats.get("referralsByAgencyKind")).isEqualTo(nullable("HOSPITAL", null, "PUBLIC_HEALTH_CENTER", null));

        // the other center's supervisor reads only the other center's month
        Map<String, Object> theirs = json(as(otherSupervisor).when().get("/api/v1/reports/activity" + JUNE)
                .then().statusCode(200).extract().response());
        assertThat(cellsOf(theirs)).containsExactlyElementsOf(cellsOf(expected(Map.ofEntries(
                Map.entry("consultationsByChannel", Map.of("PHONE", 1L)),
                Map.entry("consultationsByWith", Map.of("FAMILY", 1L)),
                Map.entry("familyConsultationsByRelation", Map.of("MOTHER", 1L)),
                Map.entry("intakesByChannel", Map.of("PHONE", 1L)),
                Map.entry("cases", Map.of("NEW", 1L)),
                Map.entry("homeVisitsByOutcome", Map.of("MET_SUBJECT", 5L)),
                Map.entry("referralsByAgencyKind", Map.of("PSYCHIATRIC_CLINIC", 1L)),
                Map.entry("subjectsByAgeBand", Map.of("AGE_30_TO_39", 1L)),
                Map.entry("subjectsByWithdrawalLength", Map.of("YEARS_5_TO_9", 1L)),
                Map.entry("homeVisitEndingsByReason", Map.of("EMPLOYED", 1L)),
                Map.entry("inquiries", Map.of("TOTAL", 1L)),
                Map.entry("inquiriesByChannel", Map.of("PHONE", 1L)),
                Map.entry("inquiriesByWith", Map.of("SUBJECT", 1L)),
                Map.entry("inquiriesByAgeBand", Map.of("UNKNOWN", 1L))))));

        // a month later: the case opened on July 1st is new, B and N2 (closed) are gone, the rest go on
        Map<String, Object> july = json(as(supervisor).when().get("/api/v1/reports/activity?from=2026-07-01&to=2026-07-31")
                .then().statusCode(200).extract().response());
        assertThat(section(july, "cases")).containsExactly(Map.entry("NEW", 1L), Map.entry("ONGOING", 6L),
                Map.entry("CLOSED", 0L));
        assertThat(section(july, "consultationsByChannel")).containsEntry("PHONE", 2L);
        assertThat(section(july, "familyConsultationsByRelation")).containsEntry("SIBLING", 1L);
        assertThat(section(july, "inquiries")).containsEntry("TOTAL", 1L);
        assertThat(section(july, "homeVisitsByOutcome")).containsEntry("NOT_MET", 2L);
        assertThat(section(july, "referralsByAgencyKind")).containsEntry("POLICE", 1L);
        assertThat(section(july, "homeVisitEndingsByReason")).containsEntry("EMPLOYED", 1L);
    }

    @Test
    void onlyTheCentersSystemAndSupervisorsMayReadIt() {
        String path = "/api/v1/reports/activity" + JUNE;
        for (TestTokens.Builder refused : List.of(
                TestTokens.user("supporter-of-" + center).roles("supporter").center(center),
                TestTokens.user("peer-of-" + center).roles("peer-supporter").center(center), PARTNER, ADMIN)) {
            as(refused).when().get(path).then().statusCode(403).contentType(containsString("application/problem+json"));
            as(refused).accept("text/csv").when().get(path).then().statusCode(403);
        }
        given().when().get(path).then().statusCode(401);
        as(supervisor).accept("application/xml").when().get(path).then().statusCode(406)
                .contentType(containsString("application/problem+json"));
        as(system).when().get(path).then().statusCode(200);
        as(supervisor).accept("text/csv").when().get(path).then().statusCode(200);
    }

    @Test
    void aPeriodEndingBeforeItStartsLongerThanFiveYearsOrMissingIsABadRequest() {
        String path = "/api/v1/reports/activity";
        as(supervisor).queryParam("from", "2026-06-02").queryParam("to", "2026-06-01").when().get(path)
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations[0].field", equalTo("to"));
        as(supervisor).accept("text/csv").queryParam("from", "2021-06-01").queryParam("to", "2026-06-02").when().get(path)
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations[0].field", equalTo("to"));
        as(supervisor).queryParam("from", "2026-06-01").when().get(path).then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("violations.field", equalTo(List.of("to")));
        as(system).when().get(path).then().statusCode(400).body("violations.field", equalTo(List.of("from", "to")));
        as(system).queryParam("to", "2026-06-30").when().get("/api/v1/stats").then().statusCode(400)
                .body("violations.field", equalTo(List.of("from")));
        as(supervisor).queryParam("from", "2026-06-31").queryParam("to", "2026-07-01").when().get(path).then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        as(supervisor).queryParam("from", "2021-06-01").queryParam("to", "2026-06-01").when().get(path)
                .then().statusCode(200);
        as(supervisor).queryParam("from", "2026-06-01").queryParam("to", "2026-06-01").when().get(path)
                .then().statusCode(200).body("sections.cases.NEW", equalTo(0));
    }

    @Test
    void theDocumentNamesEverySectionWithItsItemsAndBothMediaTypes() throws IOException {
        Map<String, Object> document = json(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().response());
        io.restassured.path.json.JsonPath doc = io.restassured.path.json.JsonPath.from(JSON.writeValueAsString(document));
        String ok = "paths.'/api/v1/reports/activity'.get.responses.'200'.content.";
        assertThat(doc.getString(ok + "'application/json'.schema.'$ref'")).isEqualTo("#/components/schemas/ActivityReport");
        assertThat(doc.getString(ok + "'text/csv'.schema.type")).isEqualTo("string");
        Map<String, Map<String, Long>> layout = expected(Map.of());
        Map<String, Object> sections = doc.getMap("components.schemas.ActivityReport.properties.sections.properties");
        assertThat(List.copyOf(sections.keySet())).containsExactlyElementsOf(layout.keySet());
        layout.forEach((name, cells) -> {
            String at = "components.schemas.ActivityReport.properties.sections.properties." + name + ".";
            assertThat(doc.getMap(at + "properties").keySet()).as(name).containsExactlyElementsOf(cells.keySet());
            assertThat(doc.getList(at + "required", String.class)).as(name).containsExactlyElementsOf(cells.keySet());
            assertThat(doc.getString(at + "description")).as(name).isNotBlank();
        });
        assertThat(doc.getList("components.schemas.ActivityReport.properties.maskedBelow.type", String.class))
                .containsExactlyInAnyOrder("integer", "null");
        assertThat(doc.getString("components.schemas.ActivityReport.properties.sections.properties.cases.description"))
                .contains("ONGOING: cases opened before it and open when it started, or reopened in it");
        assertThat(doc.getString("paths.'/api/v1/reports/activity'.get.description")).contains("`<10` in CSV")
                .contains("byte order mark");
        assertThat(doc.getString("paths.'/api/v1/stats'.get.description")).contains("maskedBelow");
    }

    // ---- reading the answers

    private static Map<String, Object> json(Response response) throws IOException {
        return JSON.readValue(response.asString(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> section(Map<String, Object> report, String name) {
        Map<String, Long> cells = new LinkedHashMap<>();
        ((Map<String, Object>) ((Map<String, Object>) report.get("sections")).get(name))
                .forEach((item, count) -> cells.put(item, count == null ? null : ((Number) count).longValue()));
        return cells;
    }

    /** Every cell as {@code section.item=count}, in the order of the document. */
    @SuppressWarnings("unchecked")
    private static List<String> cellsOf(Map<String, ?> reportOrSections) {
        Map<String, ?> sections = reportOrSections.containsKey("sections")
                ? (Map<String, ?>) reportOrSections.get("sections") : reportOrSections;
        List<String> cells = new ArrayList<>();
        sections.forEach((name, items) -> ((Map<String, ?>) items).forEach((item, count) ->
                cells.add(name + "." + item + "=" + (count == null ? null : ((Number) count).longValue()))));
        return cells;
    }

    /**
     * The report's layout as the contract states it (the closed sets of api.md, in their order), with
     * the given counts and zero everywhere else.
     */
    private static Map<String, Map<String, Long>> expected(Map<String, Map<String, Long>> counts) {
        Map<String, List<String>> layout = new LinkedHashMap<>();
        layout.put("consultationsByChannel", names(ConsultationChannel.values()));
        layout.put("consultationsByWith", names(ConsultedWith.values()));
        layout.put("familyConsultationsByRelation", Stream.concat(names(Relation.values()).stream(), Stream.of("UNKNOWN")).toList());
        layout.put("intakesByChannel", names(IntakeChannel.values()));
        layout.put("cases", List.of("NEW", "ONGOING", "CLOSED"));
        layout.put("homeVisitsByOutcome", List.of("MET_SUBJECT", "MET_FAMILY_ONLY", "NOT_MET"));
        layout.put("otherVisitsByKind", List.of("OUTING", "ACCOMPANIMENT", "FAMILY_SESSION"));
        layout.put("referralsByAgencyKind", names(AgencyKind.values()));
        layout.put("subjectsByAgeBand", names(AgeBand.values()));
        layout.put("subjectsByWithdrawalLength", List.of("UNDER_6_MONTHS", "MONTHS_6_TO_11", "YEARS_1_TO_2", "YEARS_3_TO_4",
                "YEARS_5_TO_9", "YEARS_10_TO_19", "YEARS_20_OR_MORE", "UNKNOWN"));
        layout.put("homeVisitEndingsByReason", names(HomeVisitEndReason.values()));
        layout.put("inquiries", List.of("TOTAL", "BECAME_CASE"));
        layout.put("inquiriesByChannel", names(ConsultationChannel.values()));
        layout.put("inquiriesByWith", names(ConsultedWith.values()));
        layout.put("inquiriesByAgeBand", names(AgeBand.values()));
        layout.put("inquiriesByReferredTo", names(AgencyKind.values()));
        assertThat(layout.keySet()).containsAll(counts.keySet());
        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        layout.forEach((name, items) -> {
            Map<String, Long> cells = new LinkedHashMap<>();
            items.forEach(item -> cells.put(item, counts.getOrDefault(name, Map.of()).getOrDefault(item, 0L)));
            assertThat(items).as(name).containsAll(counts.getOrDefault(name, Map.of()).keySet());
            expected.put(name, cells);
        });
        return expected;
    }

    /** What a center's system may read: counts from 1 to 9 withheld. */
    private static Map<String, Map<String, Long>> maskedUnderTen(Map<String, Map<String, Long>> expected) {
        Map<String, Map<String, Long>> masked = new LinkedHashMap<>();
        expected.forEach((name, cells) -> {
            Map<String, Long> shown = new LinkedHashMap<>();
            cells.forEach((item, count) -> shown.put(item, count >= 1 && count <= 9 ? null : count));
            masked.put(name, shown);
        });
        return masked;
    }

    /** The same, with the two cells masked besides, from which a small one could be worked out (see above). */
    private static Map<String, Map<String, Long>> maskedForTheSystem(Map<String, Map<String, Long>> expected) {
        Map<String, Map<String, Long>> masked = maskedUnderTen(expected);
        masked.get("familyConsultationsByRelation").put("MOTHER", null);
        masked.get("inquiriesByChannel").put("PHONE", null);
        return masked;
    }

    private static void assertCsv(Response response, Map<String, Map<String, Long>> expected, Integer maskedBelow) {
        response.then().statusCode(200).contentType(containsString("text/csv")).header("Vary", "Accept")
                .header("Content-Disposition", containsString("activity-report-2026-06-01-2026-06-30.csv"));
        assertThat(response.contentType()).containsIgnoringCase("charset=UTF-8");
        byte[] bytes = response.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("区分 / section,項目 / item,件数 / count,区分コード / section code,項目コード / item code");
        List<String> rows = new ArrayList<>();
        expected.forEach((name, cells) -> cells.forEach((item, count) -> rows.add(upperSnake(name) + "," + item + ","
                + (count == null ? "<" + maskedBelow : count))));
        assertThat(lines.subList(1, lines.size()).stream().map(line -> {
            String[] fields = line.split(",");
            assertThat(fields).hasSize(5);
            return fields[3] + "," + fields[4] + "," + fields[2];
        }).toList()).containsExactlyElementsOf(rows);
        assertThat(lines).contains("家庭訪問件数（結果別）,会えなかった,11,HOME_VISITS_BY_OUTCOME,NOT_MET",
                "ケース数,継続," + (maskedBelow == null ? "4" : "<10") + ",CASES,ONGOING",
                "対象者数（年齢階級別）,30〜39歳," + (maskedBelow == null ? "2" : "<10") + ",SUBJECTS_BY_AGE_BAND,AGE_30_TO_39");
    }

    private static String upperSnake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Map.Entry<String, Long> entry(String key, Long value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }

    /** A map that may hold nulls, as the JSON answers it. */
    private static Map<String, Object> nullable(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
