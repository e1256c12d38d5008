package jp.tsunagu.referrals.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.referrals.domain.AgencyIds;
import jp.tsunagu.referrals.domain.Contact;
import jp.tsunagu.referrals.domain.Location;
import jp.tsunagu.referrals.domain.ServiceStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.tsunagu.platform.http.Versioned;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The bodies and views of the directory endpoints. */
public final class AgencyBodies {

    private AgencyBodies() {
    }

    private static final String SLUG_MESSAGE = "must be a lowercase slug such as tokyo-health-center";

    /** A service of the agency; {@code id} keeps an existing service (its HSDS id stays), none adds one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceBody(UUID id, @NotBlank @Size(max = 200) String name, @Size(max = 4000) String description,
                              @Schema(description = "default ACTIVE") ServiceStatus status,
                              @Size(max = 4000) String eligibility, @Size(max = 4000) String applicationProcess) {
    }

    /** Whether the agency takes referrals now; a new agency without one accepts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CapacityBody(@NotNull Boolean acceptingReferrals, @Min(0) @Max(100000) Integer availableSlots,
                               @Size(max = 500) String note) {
    }

    /** The webhook: {@code secret} is write-only (Standard Webhooks: {@code whsec_} + base64 of 24-64 bytes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookBody(@NotBlank @Size(max = 2000) String url,
                              @Schema(writeOnly = true, description = "whsec_ + base64 of 24 to 64 random bytes; never answered."
                                      + " In a PATCH: absent keeps the current secret, null clears it")
                              @Size(max = 200) String secret) {
    }

    /** An agency as an administrator creates it, and the document a merge patch applies to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgencyBody(@NotBlank @Size(max = AgencyIds.MAX_LENGTH) @Pattern(regexp = AgencyIds.PATTERN, message = SLUG_MESSAGE)
                             @Schema(description = "the agency_id claim of the agency's Keycloak client; never changes")
                             String id,
                             @NotBlank @Size(max = 200) String name,
                             @NotBlank @Size(max = 4000) String description,
                             @NotNull AgencyKind kind,
                             @NotBlank @Size(max = 50) String municipality,
                             @Size(max = AgencyIds.MAX_LENGTH) @Pattern(regexp = AgencyIds.PATTERN, message = SLUG_MESSAGE) String parentId,
                             @Email @Size(min = 3, max = 254) String email,
                             @Size(max = 2000) String website,
                             @Valid Location location,
                             @Valid Contact contact,
                             @Schema(description = "the municipalities the agency serves")
                             @Size(max = 100) List<@NotBlank @Size(max = 50) String> serviceArea,
                             @Size(max = 50) List<@NotNull @Valid ServiceBody> services,
                             @Valid CapacityBody capacity,
                             @Schema(description = "the centers' notes on working with the agency; never public, never shown to the agency")
                             @Size(max = 4000) String notes,
                             @Valid WebhookBody webhook) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceView(UUID id, String name, String description, ServiceStatus status, String eligibility,
                              String applicationProcess, OffsetDateTime updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CapacityView(boolean acceptingReferrals, Integer availableSlots, String note, OffsetDateTime updatedAt) {
    }

    /** The webhook as answered: never the secret, only whether one is set and when it was last set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(String url, boolean secretSet, OffsetDateTime secretRotatedAt) {
    }

    /**
     * An agency's entry. {@code notes} only for center staff and admin; {@code webhook} only for
     * admin and for the agency itself.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgencyView(String id, long version,
                             @Schema(description = "the agency's organization id in the HSDS view (/hsds)") UUID hsdsId,
                             String name, String description, AgencyKind kind, String municipality,
                             String parentId, String email, String website, Location location, Contact contact,
                             List<String> serviceArea, List<ServiceView> services, CapacityView capacity, String notes,
                             WebhookView webhook, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {
    }

    /** A new webhook secret, answered this one time only. */
    public record SecretRotation(String agencyId, String secret, OffsetDateTime secretRotatedAt, long version)
            implements Versioned {
    }
}
