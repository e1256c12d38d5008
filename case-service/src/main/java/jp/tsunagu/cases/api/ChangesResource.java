package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.cases.service.ChangeFeed;
import jp.tsunagu.platform.paging.ChangeToken;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /cases/changes?since=}: the delta feed of offline mobile clients. Without {@code since}
 * it starts from the beginning; keep {@code next} for the following call.
 */
@Path("/api/v1/cases/changes")
@Tag(name = "cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
public class ChangesResource {

    /** A changed case (its summary) or, with {@code deleted} true, a case the caller can no longer see. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeItem(UUID id, Boolean deleted, CaseResponses.CaseSummary summary) {
    }

    public record ChangesPage(List<ChangeItem> items, String next, boolean hasMore) {
    }

    private final ChangeFeed feed;
    private final CaseAccess access;

    ChangesResource(ChangeFeed feed, CaseAccess access) {
        this.feed = feed;
        this.access = access;
    }

    @GET
    @Operation(summary = "Case summaries changed since the token, and tombstones of cases no longer visible")
    public ChangesPage listCaseChanges(@QueryParam("since") String since, @QueryParam("limit") Integer limit) {
        ChangeFeed.Changes changes = feed.since(ChangeToken.since(since), PageRequest.of(limit, null).limit());
        boolean sensitive = access.seesSensitive();
        return new ChangesPage(changes.changes().stream().map(c -> c.visible()
                        .map(sc -> new ChangeItem(c.caseId(), null, CaseMapper.summary(sc, sensitive)))
                        .orElseGet(() -> new ChangeItem(c.caseId(), true, null))).toList(),
                ChangeToken.of(changes.until()), changes.more());
    }
}
