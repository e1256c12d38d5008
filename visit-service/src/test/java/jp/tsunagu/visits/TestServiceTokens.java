package jp.tsunagu.visits;

import io.quarkus.test.Mock;
import jp.tsunagu.testkit.TestTokens;
import jp.tsunagu.visits.service.ServiceTokens;

/** No Keycloak in component tests: the service's token is signed by the test key (the system tests use Keycloak's). */
@Mock
public class TestServiceTokens extends ServiceTokens {

    TestServiceTokens() {
        super(null);
    }

    @Override
    public String accessToken() {
        return TestTokens.user("service-account-visit-service").roles("service").token();
    }
}
