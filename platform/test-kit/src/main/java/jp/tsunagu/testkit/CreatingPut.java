package jp.tsunagu.testkit;

import io.restassured.specification.RequestSpecification;

import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The preconditions of a {@code PUT} that creates its resource the first time (RFC 9110), each case
 * in order on resources that do not exist yet: no {@code If-Match} or {@code If-None-Match: *}
 * creates (201 with the ETag); {@code If-None-Match: *} on an existing one is 412; an update
 * without {@code If-Match} is 428; {@code If-Match: *} replaces whatever is current (200), and a
 * stale ETag is 412.
 */
public final class CreatingPut {

    private CreatingPut() {
    }

    /** {@code freshPath} answers the path of another resource not created yet at each call. */
    public static void holdsFor(TestTokens.Builder caller, Supplier<String> freshPath, Object body) {
        String path = freshPath.get();
        put(caller, body).header("If-Match", "*").when().put(path).then().statusCode(412)
                .contentType("application/problem+json");
        String created = put(caller, body).when().put(path).then().statusCode(201)
                .header("ETag", notNullValue()).extract().header("ETag");
        given().auth().oauth2(caller.token()).when().get(path).then().statusCode(200).header("ETag", equalTo(created));
        put(caller, body).header("If-None-Match", "*").when().put(path).then().statusCode(412)
                .contentType("application/problem+json");
        put(caller, body).when().put(path).then().statusCode(428).contentType("application/problem+json");
        String replaced = put(caller, body).header("If-Match", "*").when().put(path).then().statusCode(200)
                .header("ETag", not(equalTo(created))).extract().header("ETag");
        put(caller, body).header("If-Match", created).when().put(path).then().statusCode(412);
        put(caller, body).header("If-Match", replaced).when().put(path).then().statusCode(200)
                .header("ETag", not(equalTo(replaced)));

        String other = freshPath.get();
        put(caller, body).header("If-None-Match", "*").when().put(other).then().statusCode(201)
                .header("ETag", notNullValue());
    }

    private static RequestSpecification put(TestTokens.Builder caller, Object body) {
        return given().auth().oauth2(caller.token()).contentType("application/json").body(body);
    }
}
