package jp.tsunagu.platform.probe;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.platform.http.MergePatch;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Echoes bodies and parameters of every shape the services use, to test how strictly the kit reads them. */
@Path("/test/shapes")
@RolesAllowed({"supporter", "supervisor"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShapesResource {

    public record Judgement(@NotNull IntakeChannel level, String notes) {
    }

    public record Shapes(String text, Integer count, Boolean flag, IntakeChannel channel, LocalDate day,
                         OffsetDateTime at, YearMonth month, UUID ref, List<String> tags, @Valid Judgement judgement,
                         Set<IntakeChannel> channels, boolean strict) {
    }

    private static final Shapes CURRENT = new Shapes("つなぐ", 1, true, IntakeChannel.PHONE, LocalDate.of(2026, 11, 25),
            OffsetDateTime.parse("2026-11-25T10:00:00+09:00"), YearMonth.of(2019, 4), null, List.of("a"),
            new Judgement(IntakeChannel.VISIT, "n"), Set.of(IntakeChannel.EMAIL), false);

    private final MergePatch mergePatch;
    private final ProbeService probes;

    ShapesResource(MergePatch mergePatch, ProbeService probes) {
        this.mergePatch = mergePatch;
        this.probes = probes;
    }

    @POST
    public Shapes echo(@Valid @NotNull Shapes shapes) {
        return shapes;
    }

    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Shapes patch(@NotNull JsonNode patch) {
        return mergePatch.apply(CURRENT, patch, Shapes.class);
    }

    @GET
    public Map<String, Object> query(@QueryParam("q") String q, @QueryParam("count") Integer count,
                                     @QueryParam("flag") Boolean flag, @QueryParam("channel") IntakeChannel channel,
                                     @QueryParam("day") LocalDate day, @QueryParam("at") OffsetDateTime at,
                                     @QueryParam("ref") UUID ref, @HeaderParam("X-Probe-Day") LocalDate headerDay) {
        Map<String, Object> echoed = new LinkedHashMap<>();
        echoed.put("q", q);
        echoed.put("count", count);
        echoed.put("flag", flag);
        echoed.put("channel", channel);
        echoed.put("day", day);
        echoed.put("at", at);
        echoed.put("ref", ref);
        echoed.put("headerDay", headerDay);
        return echoed;
    }

    /** Probes by id, a page at a time: the cursor is the last id seen. */
    @GET
    @Path("pages")
    public Page<UUID> pages(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        UUID after = page.after().map(c -> c.uuid(0)).orElse(new UUID(0, 0));
        return page.page(probes.idsAfter(after, page.limit() + 1), Cursor::of);
    }

    /** Renames a probe while someone else changes it before the commit: the commit fails on its version. */
    @POST
    @Path("{id}/lost-update")
    public void lostUpdate(@PathParam("id") UUID id) {
        probes.renameLosingTheRace(id, "lost");
    }
}
