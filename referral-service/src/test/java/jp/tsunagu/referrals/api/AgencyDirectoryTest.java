package jp.tsunagu.referrals.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.tsunagu.testkit.SqlRows;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.referrals.DirectoryFixtures.ADMIN;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPPORTER;
import static jp.tsunagu.referrals.DirectoryFixtures.agency;
import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.DirectoryFixtures.create;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** An administrator manages the directory: create, read, change with If-Match; every write audited. */
@QuarkusTest
class AgencyDirectoryTest {

    @Inject
    DataSource database;

    @Test
    void adminCreatesAnAgencyThatCenterStaffThenRead() {
        String id = uniqueId("hc");
        as(ADMIN).body(agency(id)).when().post("/api/v1/agencies")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/agencies/" + id))
                .body("id", equalTo(id)).body("version", equalTo(0)).body("kind", equalTo("PUBLIC_HEALTH_CENTER"))
                .body("location.address.postalCode", equalTo("162-0052"))
                .body("contact.phones.kind", contains("VOICE", "FAX"))
                .body("services.name", contains("精神保健福祉相談", "保健師の訪問"))
                .body("services[1].status", equalTo("ACTIVE"))
                .body("services[0].id", notNullValue())
                .body("capacity.acceptingReferrals", equalTo(true)).body("capacity.availableSlots", equalTo(3))
                .body("capacity.updatedAt", notNullValue())
                .body("serviceArea", contains("新宿区"));
        as(SUPPORTER).when().get("/api/v1/agencies/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("新宿区保健所"))
                .body("notes", equalTo("FAXの前に電話を一本入れると早い"))
                .body("webhook", nullValue());
        assertThat(audited(id)).containsExactly("agency.create:SUCCESS");
    }

    @Test
    void aPatchNeedsTheCurrentVersionAndKeepsServicesNamedByTheirIds() {
        String id = uniqueId("clinic");
        long version = create(agency(id));
        Response current = as(ADMIN).when().get("/api/v1/agencies/" + id);
        String kept = current.path("services[0].id");
        String removed = current.path("services[1].id");

        as(ADMIN).contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("name", "x"))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(428).contentType("application/problem+json");
        as(ADMIN).header("If-Match", "\"" + (version + 5) + "\"").body(Map.of("name", "x"))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo((int) version));

        as(ADMIN).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"" + version + "\"")
                .body(Map.of("capacity", Map.of("acceptingReferrals", false, "availableSlots", 0),
                        "serviceArea", List.of("新宿区", "中野区"),
                        "services", List.of(Map.of("id", kept, "name", "精神保健福祉相談（予約制）", "status", "TEMPORARILY_CLOSED"),
                                Map.of("name", "家族教室"))))
                .when().patch("/api/v1/agencies/" + id)
                .then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"")
                .body("version", equalTo((int) version + 1))
                .body("name", equalTo("新宿区保健所"))
                .body("capacity.acceptingReferrals", equalTo(false)).body("capacity.note", equalTo("訪問は2週間待ち"))
                .body("serviceArea", contains("中野区", "新宿区"))
                .body("services.name", contains("精神保健福祉相談（予約制）", "家族教室"))
                .body("services[0].id", equalTo(kept))
                .body("services[0].status", equalTo("TEMPORARILY_CLOSED"))
                .body("services.id", org.hamcrest.Matchers.not(hasItem(removed)));

        // the version read before is stale now
        as(ADMIN).header("If-Match", "\"" + version + "\"").body(Map.of("name", "y"))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(412);
        // refused updates (428, 412) change nothing and leave no entry of a change
        assertThat(audited(id)).containsExactly("agency.create:SUCCESS", "agency.update:SUCCESS");
    }

    @Test
    void aPatchCannotChangeTheIdNorNameAServiceOfAnotherAgency() {
        String id = uniqueId("police");
        long version = create(agency(id));
        String other = uniqueId("other");
        create(agency(other));
        String foreign = as(ADMIN).when().get("/api/v1/agencies/" + other).path("services[0].id");
        as(ADMIN).header("If-Match", "\"" + version + "\"").body(Map.of("id", other))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(400).body("violations.field", hasItem("id"));
        as(ADMIN).header("If-Match", "\"" + version + "\"")
                .body(Map.of("services", List.of(Map.of("id", foreign, "name", "盗用"))))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(400)
                .body("violations.field", hasItem("services[0].id"));
        as(ADMIN).header("If-Match", "\"0\"").body(Map.of("name", "x"))
                .when().patch("/api/v1/agencies/no-such-agency").then().statusCode(404);
    }

    @Test
    void aParentMustExistAndNoAgencyBecomesItsOwnAncestor() {
        String parent = uniqueId("city");
        String child = uniqueId("branch");
        long parentVersion = create(agency(parent));
        Map<String, Object> body = agency(child);
        body.put("parentId", "no-such-agency");
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400).body("violations.field", contains("parentId"));
        body.put("parentId", parent);
        create(body);
        as(ADMIN).when().get("/api/v1/agencies/" + child).then().body("parentId", equalTo(parent));
        as(ADMIN).header("If-Match", "\"" + parentVersion + "\"").body(Map.of("parentId", child))
                .when().patch("/api/v1/agencies/" + parent).then().statusCode(400).body("violations.field", contains("parentId"));
    }

    @Test
    void anAgencyIdIsTakenOnceAndAnIdempotentRetryAnswersTheFirstCreation() {
        String id = uniqueId("dsc");
        Map<String, Object> body = agency(id);
        String first = as(ADMIN).header("Idempotency-Key", "create-" + id).body(body).when().post("/api/v1/agencies")
                .then().statusCode(201).extract().asString();
        as(ADMIN).header("Idempotency-Key", "create-" + id).body(body).when().post("/api/v1/agencies")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body(equalTo(first));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(409).contentType("application/problem+json");
        assertThat(audited(id)).containsExactly("agency.create:SUCCESS");
    }

    @Test
    void invalidEntriesAreRefusedFieldByField() {
        Map<String, Object> body = agency("Not A Slug");
        body.put("kind", "ZOO");
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400).body("violations.field", hasItem("kind"));
        body = agency("Not A Slug");
        body.put("location", Map.of("address", Map.of("postalCode", "1600022", "prefecture", "Tokyo", "municipality", "新宿区",
                "street", "1-1")));
        body.put("capacity", Map.of("acceptingReferrals", false, "availableSlots", 2));
        body.put("services", List.of(Map.of("status", "ACTIVE")));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("id", "location.address.postalCode",
                        "location.address.prefecture", "services[0].name"));
        body = agency(uniqueId("ok"));
        body.put("capacity", Map.of("acceptingReferrals", false, "availableSlots", 2));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400)
                .body("violations.field", contains("capacity.availableSlots"));
        body = agency(uniqueId("ok"));
        body.put("website", "ftp://example.jp/");
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400).body("violations.field", contains("website"));
        body = agency(uniqueId("ok"));
        body.put("contact", Map.of("email", ""));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400).body("violations.field", contains("contact.email"));
        body = agency(uniqueId("ok"));
        body.put("unknown", true);
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400);
    }

    @Test
    void malformedIdsAreSimplyNotFound() {
        as(SUPPORTER).when().get("/api/v1/agencies/NOT_A_SLUG").then().statusCode(404).contentType("application/problem+json");
        as(SUPPORTER).when().get("/api/v1/agencies/" + "a".repeat(64)).then().statusCode(404);
        // a NUL anywhere in a path is refused by the kit before routing, for every path alike (no existence leaks)
        as(SUPPORTER).urlEncodingEnabled(false).when().get("/api/v1/agencies/a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("path"));
    }

    @Test
    void aNewAgencyWithoutCapacityAcceptsReferrals() {
        String id = uniqueId("place");
        Map<String, Object> body = agency(id);
        body.remove("capacity");
        body.remove("services");
        body.remove("contact");
        body.remove("location");
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(201)
                .body("capacity.acceptingReferrals", equalTo(true)).body("services", hasSize(0));
    }

    private List<String> audited(String agencyId) {
        return SqlRows.column(database, "select action || ':' || outcome from audit_entry where object_type = 'agency'"
                + " and object_id = ? order by id", agencyId);
    }
}
