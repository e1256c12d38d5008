package jp.tsunagu.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles move from the security requirements' scopes into the operations' descriptions (plain JUnit). */
class RolesFilterTest {

    @Test
    void theRolesOfAnOperationAreNamedInItsDescriptionAndAreNoLongerScopes() {
        Operation visits = OASFactory.createOperation().summary("Record a visit")
                .security(List.of(OASFactory.createSecurityRequirement()
                        .addScheme("keycloak", List.of("supporter", "supervisor", "peer-supporter"))));
        filter(document("/api/v1/visits", visits));

        assertThat(visits.getDescription()).isEqualTo("Record a visit\n\nRoles: supporter, supervisor, peer-supporter.");
        assertThat(visits.getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement.getSchemes()).containsOnlyKeys("keycloak")
                        .allSatisfy((scheme, scopes) -> assertThat(scopes).isEmpty()));
    }

    @Test
    void aDescriptionIsKeptAndEndsWithTheRoles() {
        Operation stats = OASFactory.createOperation().summary("Statistics").description("Counts only.\n")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak", List.of("supervisor"))));
        filter(document("/api/v1/stats", stats));

        assertThat(stats.getDescription()).isEqualTo("Counts only.\n\nRoles: supervisor.");
    }

    @Test
    void anyValidTokenOrNoTokenAtAllIsSaidToo() {
        Operation me = OASFactory.createOperation().summary("The caller")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak")));
        Operation open = OASFactory.createOperation().summary("The HSDS root");
        OpenAPI openAPI = document("/api/v1/me", me);
        openAPI.getPaths().addPathItem("/hsds", OASFactory.createPathItem().GET(open));
        filter(openAPI);

        assertThat(me.getDescription()).isEqualTo("The caller\n\nRoles: any (a valid token).");
        assertThat(open.getDescription()).isEqualTo("The HSDS root\n\nRoles: none (no token needed).");
        assertThat(open.getSecurity()).isNull();
    }

    @Test
    void runningTwiceChangesNothingMore() {
        Operation cancel = OASFactory.createOperation().summary("Cancel")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak", List.of("supporter"))));
        OpenAPI openAPI = document("/api/v1/referrals/{id}/cancellation", cancel);
        filter(openAPI);
        filter(openAPI);

        assertThat(cancel.getDescription()).isEqualTo("Cancel\n\nRoles: supporter.");
    }

    private static OpenAPI document(String path, Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().POST(operation)));
    }

    private static void filter(OpenAPI openAPI) {
        new RolesFilter().filterOpenAPI(openAPI);
    }
}
