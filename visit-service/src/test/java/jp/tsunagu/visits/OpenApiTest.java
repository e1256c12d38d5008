package jp.tsunagu.visits;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.OpenApiContract;

/** visit-service's OpenAPI document has every endpoint it serves, with its problems and headers. */
@QuarkusTest
class OpenApiTest extends OpenApiContract {
    @Override
    protected String servicePackage() {
        return "jp.tsunagu.visits";
    }
}
