package jp.tsunagu.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.infra.InfraException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The demo directory of partner agencies (demo/agencies.json): the two agencies of the demo realm
 * (tokyo-health-center, tokyo-police, whose clients' tokens carry these ids) and a psychiatric
 * clinic, a disability support center and a drop-in place. Loaded like the demo cases: through the
 * real API with the demo admin's real login, and only into an empty directory.
 */
final class DemoAgencies {

    static final String RESOURCE = "/demo/agencies.json";

    private final ApiClient api;

    DemoAgencies(ApiClient api) {
        this.api = api;
    }

    /** Loads the demo agencies if the directory has none yet; answers how many it added. */
    int loadWhereEmpty() {
        String admin = api.login("tsunagu-admin");
        JsonNode existing = api.call(admin, "GET", Service.REFERRAL, "/api/v1/agencies?limit=1", null, Map.of(), 200);
        if (existing.get("items").size() > 0) {
            return 0;
        }
        int added = 0;
        for (JsonNode agency : agencies()) {
            api.call(admin, "POST", Service.REFERRAL, "/api/v1/agencies", agency, Map.of(), 201);
            added++;
        }
        return added;
    }

    /** The demo entries, parents before the agencies that name them. */
    static JsonNode agencies() {
        try (InputStream in = DemoAgencies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InfraException("demo data: " + RESOURCE + " missing");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new InfraException("demo data: " + RESOURCE + " unreadable", e);
        }
    }
}
