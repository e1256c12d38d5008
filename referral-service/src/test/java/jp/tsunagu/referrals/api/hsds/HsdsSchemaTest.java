package jp.tsunagu.referrals.api.hsds;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas the HSDS view is held to do refuse what HSDS refuses: a check that could not fail
 * would prove nothing about the answers {@link HsdsViewTest} validates with them.
 */
class HsdsSchemaTest {

    private static final String ORG = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
    private static final String SERVICE = "ac148810-d857-441c-9679-408f346de14b";

    @Test
    void aWellFormedServiceIsValid() {
        HsdsSchemas.assertValid(HsdsSchemas.SERVICE, service("\"" + ORG + "\"", "active"));
    }

    @Test
    void aSlugWhereHsdsWantsAUuidIsRefused() {
        assertThat(HsdsSchemas.problems(HsdsSchemas.SERVICE, service("\"tokyo-health-center\"", "active")))
                .anySatisfy(p -> assertThat(p).contains("uuid"));
    }

    @Test
    void aStatusOutsideHsdsIsRefused() {
        assertThat(HsdsSchemas.problems(HsdsSchemas.SERVICE, service("\"" + ORG + "\"", "TEMPORARILY_CLOSED"))).isNotEmpty();
    }

    @Test
    void anAddressWithoutItsRequiredFieldsIsRefused() {
        String service = """
                {"id": "%s", "name": "相談", "status": "active", "service_at_locations": [{"id": "%s",
                 "location": {"id": "%s", "location_type": "physical", "addresses": [{"id": "%s", "city": "新宿区"}]}}]}
                """.formatted(SERVICE, ORG, ORG, ORG);
        assertThat(HsdsSchemas.problems(HsdsSchemas.SERVICE, service)).anySatisfy(p -> assertThat(p).contains("address_1"));
    }

    @Test
    void pagesHoldTheirItemsToTheListSchemas() {
        String page = """
                {"total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": true, "last_page": true,
                 "empty": false, "contents": [%s]}""";
        HsdsSchemas.assertValid(HsdsSchemas.ORGANIZATIONS, page.formatted(
                "{\"id\": \"" + ORG + "\", \"name\": \"保健所\", \"description\": \"精神保健福祉相談\"}"));
        assertThat(HsdsSchemas.problems(HsdsSchemas.ORGANIZATIONS, page.formatted("{\"id\": \"" + ORG + "\", \"name\": \"保健所\"}")))
                .anySatisfy(p -> assertThat(p).contains("description"));
        assertThat(HsdsSchemas.problems(HsdsSchemas.SERVICES, page.replace("\"total_items\": 1", "\"total_items\": \"1\"")
                .formatted("{\"id\": \"" + SERVICE + "\", \"name\": \"相談\", \"status\": \"active\"}"))).isNotEmpty();
        assertThat(HsdsSchemas.problems(HsdsSchemas.SERVICES, page.formatted(
                "{\"id\": \"" + SERVICE + "\", \"name\": \"相談\", \"status\": \"closed\"}"))).isNotEmpty();
    }

    @Test
    void theRootNamesAnAbsoluteOpenApiUrl() {
        HsdsSchemas.assertValid(HsdsSchemas.ROOT, "{\"version\": \"3.0\", \"openapi_url\": \"http://127.0.0.1:8083/q/openapi\"}");
        assertThat(HsdsSchemas.problems(HsdsSchemas.ROOT, "{\"version\": \"3.0\", \"openapi_url\": \"not a uri\"}")).isNotEmpty();
    }

    private static String service(String organizationId, String status) {
        return """
                {"id": "%s", "organization_id": %s, "name": "精神保健福祉相談", "status": "%s",
                 "last_modified": "2026-11-25T10:00:00+09:00",
                 "organization": {"id": %s, "name": "新宿区保健所", "description": "保健所"},
                 "phones": [{"id": "%s", "number": "03-0000-0000", "type": "voice"}]}
                """.formatted(SERVICE, organizationId, status, organizationId, ORG);
    }
}
