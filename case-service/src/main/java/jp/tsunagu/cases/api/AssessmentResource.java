package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.cases.domain.Assessment;
import jp.tsunagu.cases.service.AssessmentService;
import jp.tsunagu.events.cases.CrisisFactor;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.cases.FamilyCapacity;
import jp.tsunagu.events.cases.WithdrawalDegree;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Dated, append-only assessments: background, family capacity, crisis urgency. Not for peers. */
@Path("/api/v1/cases/{id}/assessments")
@Tag(name = "assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
public class AssessmentResource {

    public record MentalState(@Size(max = 4000) String notes, boolean suspectedUntreatedIllness) {
    }

    public record FamilyCapacityJudgement(@NotNull FamilyCapacity level, @Size(max = 4000) String notes) {
    }

    public record AssessmentBody(@NotNull @PastOrPresent LocalDate assessedOn,
                                 @Size(max = 8000) String developmentalHistory,
                                 @NotNull WithdrawalDegree withdrawalDegree,
                                 @NotNull @Valid MentalState mentalState,
                                 boolean intellectualDisabilitySuspected,
                                 @Size(max = 8000) String familyRelations,
                                 @Size(max = 8000) String familyCondition,
                                 @Size(max = 4000) String stigma,
                                 @Size(max = 8000) String consultationHistory,
                                 @NotNull @Valid FamilyCapacityJudgement familyCapacity,
                                 @NotNull CrisisUrgency crisisUrgency,
                                 Set<@NotNull CrisisFactor> crisisFactors) {
    }

    public record AssessmentView(UUID id, LocalDate assessedOn, OffsetDateTime recordedAt, String recordedBy,
                                 String developmentalHistory, WithdrawalDegree withdrawalDegree, MentalState mentalState,
                                 boolean intellectualDisabilitySuspected, String familyRelations, String familyCondition,
                                 String stigma, String consultationHistory, FamilyCapacityJudgement familyCapacity,
                                 CrisisUrgency crisisUrgency, Set<CrisisFactor> crisisFactors) {
        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id, a.assessedOn, Tokyo.offset(a.recordedAt), a.recordedBy, a.developmentalHistory,
                    a.withdrawalDegree, new MentalState(a.mentalStateNotes, a.suspectedUntreatedIllness),
                    a.intellectualDisabilitySuspected, a.familyRelations, a.familyCondition, a.stigma,
                    a.consultationHistory, new FamilyCapacityJudgement(a.familyCapacity, a.familyCapacityNotes),
                    a.crisisUrgency, a.crisisFactors);
        }
    }

    public record Assessments(List<AssessmentView> items) {
    }

    private final AssessmentService assessments;

    AssessmentResource(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Record an assessment; IMMINENT urgency raises the crisis alert")
    @APIResponse(responseCode = "201", description = "The assessment recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    public Response recordAssessment(@PathParam("id") UUID caseId,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull AssessmentBody body) {
        return Response.status(Response.Status.CREATED)
                .entity(AssessmentView.of(assessments.record(caseId, toAssessment(body)))).build();
    }

    @GET
    @Operation(summary = "Assessments, latest (current) first")
    public Assessments listAssessments(@PathParam("id") UUID caseId) {
        return new Assessments(assessments.history(caseId).stream().map(AssessmentView::of).toList());
    }

    private static Assessment toAssessment(AssessmentBody body) {
        Assessment a = new Assessment();
        a.assessedOn = body.assessedOn();
        a.developmentalHistory = body.developmentalHistory();
        a.withdrawalDegree = body.withdrawalDegree();
        a.mentalStateNotes = body.mentalState().notes();
        a.suspectedUntreatedIllness = body.mentalState().suspectedUntreatedIllness();
        a.intellectualDisabilitySuspected = body.intellectualDisabilitySuspected();
        a.familyRelations = body.familyRelations();
        a.familyCondition = body.familyCondition();
        a.stigma = body.stigma();
        a.consultationHistory = body.consultationHistory();
        a.familyCapacity = body.familyCapacity().level();
        a.familyCapacityNotes = body.familyCapacity().notes();
        a.crisisUrgency = body.crisisUrgency();
        a.crisisFactors = body.crisisFactors() == null ? Set.of() : Set.copyOf(body.crisisFactors());
        return a;
    }
}
