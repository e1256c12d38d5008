package jp.tsunagu.visits;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import jp.tsunagu.testkit.CaseServiceStub;
import jp.tsunagu.testkit.TsunaguTestResource;

/** The real PostgreSQL and Kafka for every test of this module, and case-service played over HTTP. */
@QuarkusTestResource(value = TsunaguTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "visits_test"))
@QuarkusTestResource(CaseServiceStub.class)
public final class TestInfra {
    private TestInfra() {
    }
}
