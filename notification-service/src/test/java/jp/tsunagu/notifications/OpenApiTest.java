package jp.tsunagu.notifications;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.OpenApiContract;

/** notification-service's OpenAPI document has every endpoint it serves, with its problems and headers. */
@QuarkusTest
class OpenApiTest extends OpenApiContract {
    @Override
    protected String servicePackage() {
        return "jp.tsunagu.notifications";
    }
}
