package jp.tsunagu.visits.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.events.visits.LeftBehindContents;
import jp.tsunagu.events.visits.LeftBehindKind;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.OutingActivity;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.events.visits.VisitorRole;
import jp.tsunagu.platform.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The bodies and views of the visit endpoints. */
public final class VisitBodies {

    private VisitBodies() {
    }

    public record VisitorBody(@NotBlank @Size(max = 64) String userId, @NotNull VisitorRole role) {
    }

    /**
     * Something left at the door and what it said. {@code contents} is a set since issue #7 (a letter
     * often says several things); a single value, as clients written before send it, is a set of one.
     */
    public record LeftBehindBody(
            @NotNull LeftBehindKind kind,
            @Schema(description = "What it said: one or more of SUPPORTER_NEWS, WHAT_I_CAN_DO, REQUEST_FOR_HELP."
                    + " Changed from a single value to a set; a single value is still accepted as a set of one.")
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            @NotEmpty Set<@NotNull LeftBehindContents> contents) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextVisitBody(@NotNull NextVisitConsent consent, OffsetDateTime at,
                                @Min(1) @Max(365) Integer intervalDays, @Min(5) @Max(480) Integer durationMinutes) {
    }

    /** A visit as recorded or scheduled; {@code id} may be made by the client (offline), {@code status} defaults to RECORDED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VisitBody(UUID id, @NotNull UUID caseId, @NotNull VisitKind kind, VisitStatus status,
                            @NotNull OffsetDateTime occurredAt, @Min(1) @Max(1440) Integer durationMinutes,
                            @NotEmpty @Size(max = 10) List<@NotNull @Valid VisitorBody> visitors,
                            VisitOutcome outcome, @Size(max = 10) List<@NotNull @Valid LeftBehindBody> leftBehind,
                            Boolean timeAloneWithSubject, @Size(max = 20) List<@NotBlank @Size(max = 100) String> topics,
                            OutingActivity activity, @Valid NextVisitBody nextVisit,
                            @Size(max = 8000) String observations, @Size(max = 8000) String notes) {
    }

    /** A visit as answered; {@code observations} and {@code notes} are absent for a peer who was not there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VisitView(UUID id, UUID caseId, long version, VisitStatus status, VisitKind kind,
                            OffsetDateTime occurredAt, OffsetDateTime receivedAt, OffsetDateTime updatedAt,
                            String recordedBy, Integer durationMinutes, List<VisitorBody> visitors, VisitOutcome outcome,
                            List<LeftBehindBody> leftBehind, Boolean timeAloneWithSubject, List<String> topics,
                            OutingActivity activity, NextVisitBody nextVisit, String observations, String notes)
            implements Versioned {
    }

    public record Revision(long version, OffsetDateTime revisedAt, String revisedBy, VisitView visit) {
    }

    public record Revisions(List<Revision> items, VisitView current) {
    }

    public record Schedule(List<VisitView> items) {
    }

    /** A changed visit, or with {@code deleted} true a visit the caller can no longer see. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeItem(UUID id, Boolean deleted, VisitView visit) {
    }

    public record ChangesPage(List<ChangeItem> items, String next, boolean hasMore) {
    }
}
