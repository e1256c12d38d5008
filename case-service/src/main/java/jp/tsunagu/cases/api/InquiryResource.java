package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.cases.domain.AgeBand;
import jp.tsunagu.cases.domain.Gender;
import jp.tsunagu.cases.domain.Inquiry;
import jp.tsunagu.cases.domain.Relation;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.service.CaseService;
import jp.tsunagu.cases.service.InquiryService;
import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultationTopic;
import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Inquiries (問い合わせ) that are not (yet) a case, without names: counted for the activity
 * report; one may become a case, which keeps the link. The center's supporters and supervisors.
 */
@Path("/api/v1/inquiries")
@Tag(name = "inquiries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
public class InquiryResource {

    /** Everything an inquiry holds; any other property (a name...) is refused. */
    public record InquiryBody(@NotNull @PastOrPresent OffsetDateTime occurredAt, @NotNull ConsultationChannel channel,
                              @Schema(description = "Who asked") @NotNull ConsultedWith with,
                              @Schema(description = "Which family member asked: required when with is FAMILY,"
                                      + " refused otherwise") Relation relation,
                              @Schema(description = "The age band of the person concerned, if said") AgeBand ageBand,
                              @Schema(description = "The gender of the person concerned, if said") Gender gender,
                              @NotNull @Size(min = 1, max = 8) Set<@NotNull ConsultationTopic> topics,
                              @Schema(description = "The kind of agency the caller was sent to, if any") AgencyKind referredTo) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InquiryView(UUID id, long version, OffsetDateTime occurredAt, ConsultationChannel channel,
                              ConsultedWith with, Relation relation, AgeBand ageBand, Gender gender,
                              List<ConsultationTopic> topics, AgencyKind referredTo,
                              @Schema(description = "The case the inquiry became; absent while it is none") UUID caseId,
                              OffsetDateTime recordedAt, String recordedBy) implements Versioned {
        static InquiryView of(Inquiry i) {
            return new InquiryView(i.id, i.version, Tokyo.offset(i.occurredAt), i.channel, i.consultedWith, i.relation,
                    i.ageBand, i.gender, i.topics.stream().sorted().toList(), i.referredTo, i.caseId,
                    Tokyo.offset(i.recordedAt), i.recordedBy);
        }
    }

    private final InquiryService inquiries;

    InquiryResource(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Record an inquiry, without names")
    @APIResponse(responseCode = "201", description = "The inquiry recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InquiryView.class)))
    public Response recordInquiry(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull InquiryBody body) {
        Inquiry inquiry = inquiries.record(new Inquiry.Facts(body.occurredAt().toInstant(), body.channel(), body.with(),
                body.relation(), body.ageBand(), body.gender(), body.topics(), body.referredTo())).inquiry();
        return Response.created(URI.create("/api/v1/inquiries/" + inquiry.id)).entity(InquiryView.of(inquiry)).build();
    }

    @GET
    @Operation(summary = "The center's inquiries, newest first; from and to are Tokyo days, both included")
    public Page<InquiryView> listInquiries(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return inquiries.list(Optional.ofNullable(from), Optional.ofNullable(to), PageRequest.of(limit, cursor))
                .map(InquiryView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The inquiry")
    @APIResponse(responseCode = "200", description = "The inquiry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InquiryView.class)))
    public InquiryView getInquiry(@PathParam("id") UUID id) {
        return InquiryView.of(inquiries.get(id));
    }

    @POST
    @Path("{id}/case")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Open a case from the inquiry (the body of POST /cases); an inquiry becomes a case once",
            description = "Opens the case exactly as POST /cases does (same checks, possible duplicates as warnings,"
                    + " case number, case.opened.v1), keeps the link both ways (the case's inquiryId, the inquiry's"
                    + " caseId); 409 when the inquiry became a case already.")
    @APIResponse(responseCode = "201", description = "The case opened; possible duplicates in warnings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseView.class)))
    public Response openCaseFromInquiry(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull CaseRequests.OpenCase request) {
        CaseService.Opened opened = inquiries.convert(id, CaseMapper.intake(request.intake()),
                CaseMapper.subject(request.subject()), CaseMapper.interests(request.subject()),
                CaseMapper.household(request.household()));
        SupportCase c = opened.supportCase();
        return Response.created(URI.create("/api/v1/cases/" + c.id)).entity(CaseMapper.view(c, true, opened.warnings())).build();
    }
}
