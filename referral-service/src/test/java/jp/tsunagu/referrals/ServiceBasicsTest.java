package jp.tsunagu.referrals;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.ServiceBasicsContract;

/** referral-service answers /api/v1/me, health, metrics and OpenAPI like every service. */
@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {
    @Override
    protected String serviceName() {
        return "referral-service";
    }
}
