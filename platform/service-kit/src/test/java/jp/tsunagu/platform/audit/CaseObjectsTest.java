package jp.tsunagu.platform.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths name an object of a collection by id: only a whole, well-formed id right under it. */
class CaseObjectsTest {

    private static final String ID = "0f8c2a1e-5b7d-4e39-9a64-3c1d2e4f5a6b";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/visits/" + ID, "/api/v1/visits/" + ID + "/", "/api/v1/visits/" + ID + "/revisions",
            "/api/v1/visits/0F8C2A1E-5B7D-4E39-9A64-3C1D2E4F5A6B"})
    void aWellFormedIdRightUnderTheCollectionIsNamed(String path) {
        assertThat(CaseObjects.idUnder("/api/v1/visits", path)).contains(UUID.fromString(ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/visits", "/api/v1/visits/", "/api/v1/visits/changes", "/api/v1/visits/" + ID + "0",
            "/api/v1/visits/x" + ID, "/api/v1/visits/" + ID + "x/revisions", "/api/v1/visitsx/" + ID,
            "/other/api/v1/visits/" + ID, "/api/v1/cases/" + ID + "/visits/" + ID, "/api/v1/visits//" + ID, ""})
    void anyOtherPathNamesNothing(String path) {
        assertThat(CaseObjects.idUnder("/api/v1/visits", path)).isEmpty();
    }

    @Test
    void noPathNamesNothing() {
        assertThat(CaseObjects.idUnder("/api/v1/visits", null)).isEmpty();
    }
}
