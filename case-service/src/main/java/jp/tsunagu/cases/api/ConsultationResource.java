package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.cases.domain.Consultation;
import jp.tsunagu.cases.domain.ConsultationSnapshot;
import jp.tsunagu.cases.domain.Relation;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.cases.service.ConsultationService;
import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultationTopic;
import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.platform.http.MergePatch;
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Consultations (相談) of a case after intake: at the center (来所相談), by phone, by e-mail... with
 * the person, the family or an agency. Corrections keep the earlier versions. Peers see them without
 * the notes; home visits are visit-service's.
 */
@Path("/api/v1/cases/{id}/consultations")
@Tag(name = "consultations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
public class ConsultationResource {

    public record ConsultationBody(
            @NotNull @Schema(description = "When it took place; not before the case's intake, not in the future")
            OffsetDateTime occurredAt,
            @NotNull ConsultationChannel channel,
            @NotNull @Schema(description = "Who the center spoke with") ConsultedWith with,
            @Schema(description = "Which family member: required when `with` is FAMILY, refused otherwise")
            Relation relation,
            @Min(0) @Max(1440) Integer durationMinutes,
            @Size(max = 8) Set<@NotNull ConsultationTopic> topics,
            @Size(max = 8000) @Schema(description = "Free text; never shown to peer supporters") String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsultationView(UUID id, UUID caseId, long version, OffsetDateTime occurredAt,
                                   ConsultationChannel channel, ConsultedWith with, Relation relation,
                                   Integer durationMinutes, Set<ConsultationTopic> topics,
                                   @Schema(description = "Absent for peer supporters") String notes,
                                   OffsetDateTime recordedAt, String recordedBy, OffsetDateTime updatedAt,
                                   String updatedBy) implements Versioned {
        static ConsultationView of(Consultation c, boolean sensitive) {
            return of(ConsultationSnapshot.of(c), sensitive);
        }

        static ConsultationView of(ConsultationSnapshot c, boolean sensitive) {
            return new ConsultationView(c.id(), c.caseId(), c.version(), Tokyo.offset(c.occurredAt()), c.channel(),
                    c.consultedWith(), c.relation(), c.durationMinutes(), new TreeSet<>(c.topics()),
                    sensitive ? c.notes() : null, Tokyo.offset(c.recordedAt()), c.recordedBy(),
                    Tokyo.offset(c.updatedAt()), c.updatedBy());
        }
    }

    /** An earlier version: which it was, when and by whom it was replaced. */
    public record EarlierConsultation(long version, OffsetDateTime revisedAt, String revisedBy, ConsultationView consultation) {
    }

    public record ConsultationHistory(List<EarlierConsultation> items, ConsultationView current) {
    }

    private final ConsultationService consultations;
    private final CaseAccess access;
    private final MergePatch mergePatch;

    ConsultationResource(ConsultationService consultations, CaseAccess access, MergePatch mergePatch) {
        this.consultations = consultations;
        this.access = access;
        this.mergePatch = mergePatch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Idempotent
    @Operation(summary = "Record a consultation of an open case")
    @APIResponse(responseCode = "201", description = "The consultation recorded (version 1)",
            headers = @Header(name = HttpHeaders.LOCATION, description = "Where the consultation is read",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    public Response recordConsultation(@PathParam("id") UUID caseId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ConsultationBody body) {
        Consultation consultation = new Consultation();
        apply(consultation, body);
        Consultation recorded = consultations.record(caseId, consultation);
        return Response.created(URI.create("/api/v1/cases/" + caseId + "/consultations/" + recorded.id))
                .entity(ConsultationView.of(recorded, true)).build();
    }

    @GET
    @Operation(summary = "The case's consultations, the latest (by when they took place) first")
    public Page<ConsultationView> listConsultations(@PathParam("id") UUID caseId, @QueryParam("limit") Integer limit,
                                       @QueryParam("cursor") String cursor) {
        boolean sensitive = access.seesSensitive();
        return consultations.list(caseId, PageRequest.of(limit, cursor)).map(c -> ConsultationView.of(c, sensitive));
    }

    @GET
    @Path("{consultationId}")
    @Operation(summary = "The consultation")
    @APIResponse(responseCode = "200", description = "The consultation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    public ConsultationView getConsultation(@PathParam("id") UUID caseId, @PathParam("consultationId") UUID consultationId) {
        return ConsultationView.of(consultations.get(caseId, consultationId), access.seesSensitive());
    }

    @PATCH
    @Path("{consultationId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Operation(summary = "Correct a consultation (JSON merge patch); needs If-Match; the earlier version stays readable")
    @APIResponse(responseCode = "200", description = "The consultation as corrected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    public ConsultationView correctConsultation(@PathParam("id") UUID caseId, @PathParam("consultationId") UUID consultationId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode patch) {
        long expected = Versions.required(ifMatch);
        Consultation corrected = consultations.correct(caseId, consultationId, expected, current ->
                apply(current, mergePatch.apply(body(current), patch, ConsultationBody.class)));
        return ConsultationView.of(corrected, true);
    }

    @GET
    @Path("{consultationId}/revisions")
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Operation(summary = "Every earlier version of the consultation, oldest first, and the current one (not for peers: they hold notes)")
    public ConsultationHistory listConsultationRevisions(@PathParam("id") UUID caseId, @PathParam("consultationId") UUID consultationId) {
        ConsultationService.History history = consultations.revisions(caseId, consultationId);
        return new ConsultationHistory(history.earlier().stream().map(r -> new EarlierConsultation(r.key.version(), Tokyo.offset(r.revisedAt),
                r.revisedBy, ConsultationView.of(r.snapshot, true))).toList(), ConsultationView.of(history.current(), true));
    }

    private static ConsultationBody body(Consultation c) {
        return new ConsultationBody(Tokyo.offset(c.occurredAt), c.channel, c.consultedWith, c.relation, c.durationMinutes,
                c.topics, c.notes);
    }

    private static void apply(Consultation consultation, ConsultationBody body) {
        consultation.occurredAt = body.occurredAt().toInstant();
        consultation.channel = body.channel();
        consultation.consultedWith = body.with();
        consultation.relation = body.relation();
        consultation.durationMinutes = body.durationMinutes();
        consultation.topics = body.topics() == null ? Set.of() : Set.copyOf(body.topics());
        consultation.notes = body.notes();
    }
}
