package jp.tsunagu.notifications.webhooks;

import io.quarkus.test.common.QuarkusTestResource;

/** referral-service's webhook endpoint and Keycloak's token endpoint, stubbed for every test of this module. */
@QuarkusTestResource(ReferralServiceStub.class)
public final class WebhookInfra {
    private WebhookInfra() {
    }
}
