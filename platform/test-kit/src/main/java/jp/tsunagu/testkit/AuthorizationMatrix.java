package jp.tsunagu.testkit;

import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Every endpoint with every kind of caller, as dynamic tests: one expected status per caller, in
 * the order the callers were added ({@code ---} skips a cell whose success another test proves).
 * Updates (PUT, PATCH) send {@code If-Match: "0"}, so a stale version (412) shows the caller got
 * through both layers of authorization.
 */
public final class AuthorizationMatrix {

    private record Endpoint(String method, String path, Object body, String expected) {
    }

    private final Map<String, TestTokens.Builder> callers = new LinkedHashMap<>();
    private final List<Endpoint> endpoints = new ArrayList<>();

    public AuthorizationMatrix caller(String name, TestTokens.Builder caller) {
        callers.put(name, caller);
        return this;
    }

    /** {@code expected}: the statuses, space-separated, one per caller in order. */
    public AuthorizationMatrix endpoint(String method, String path, Object body, String expected) {
        if (expected.split(" ").length != callers.size()) {
            throw new IllegalArgumentException(method + " " + path + ": one status per caller, " + callers.size());
        }
        endpoints.add(new Endpoint(method, path, body, expected));
        return this;
    }

    public List<DynamicTest> tests() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String[] expected = endpoint.expected().split(" ");
            int i = 0;
            for (Map.Entry<String, TestTokens.Builder> caller : callers.entrySet()) {
                String want = expected[i++];
                if (!want.equals("---")) {
                    tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + caller.getKey()
                            + " → " + want, () -> call(endpoint, caller.getValue(), Integer.parseInt(want))));
                }
            }
        }
        return tests;
    }

    private static void call(Endpoint endpoint, TestTokens.Builder caller, int status) {
        var request = given().auth().oauth2(caller.token());
        if (endpoint.method().equals("PUT") || endpoint.method().equals("PATCH")) {
            request.header("If-Match", "\"0\"");
        }
        if (endpoint.body() != null) {
            request.contentType("application/json").body(endpoint.body());
        }
        request.when().request(endpoint.method(), endpoint.path()).then().statusCode(status);
    }
}
