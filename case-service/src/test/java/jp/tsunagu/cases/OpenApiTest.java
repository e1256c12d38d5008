package jp.tsunagu.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testkit.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** case-service's OpenAPI document has every endpoint it serves, with its problems and headers. */
@QuarkusTest
class OpenApiTest extends OpenApiContract {
    @Override
    protected String servicePackage() {
        return "jp.tsunagu.cases";
    }

    @Test
    void theInboundReferralOfAnOpeningIsDocumentedInTheRequestAndTheAnswer() {
        JsonPath document = JsonPath.from(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        for (String schema : new String[] {"Intake", "IntakeView"}) {
            String at = "components.schemas." + schema + ".properties.inboundReferralId.";
            assertThat(document.getString(at + "$ref")).as(schema).isEqualTo("#/components/schemas/UUID");
            assertThat(document.getString(at + "description")).as(schema)
                    .contains("inbound referral of referral-service this case was opened from")
                    .contains("REFERRAL");
        }
        assertThat(document.getString("components.schemas.UUID.format")).isEqualTo("uuid");
        List<String> required = document.getList("components.schemas.Intake.required", String.class);
        assertThat(required == null ? List.<String>of() : required).doesNotContain("inboundReferralId");
    }
}
