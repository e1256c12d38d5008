package jp.tsunagu.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.cases.domain.Gender;
import jp.tsunagu.cases.domain.Relation;
import jp.tsunagu.cases.domain.RelationshipWithSubject;
import jp.tsunagu.events.cases.IntakeChannel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The bodies of POST /cases and PATCH /cases/{id}. */
public final class CaseRequests {

    /** Hiragana or katakana (full or half width), the long-vowel mark, middle dots and spaces. */
    public static final String KANA = "^[\\p{IsHiragana}\\p{IsKatakana}\\uFF61-\\uFF9F\\u30FC\\u30FB\\s\\u3000]+$";

    /** The OpenAPI description of {@code intake.inboundReferralId}, in the request and in the answer. */
    static final String INBOUND_REFERRAL = "The inbound referral of referral-service this case was opened from"
            + " (an agency referred the household to the center: POST /partner/referrals there); absent when the"
            + " case was not opened from one. Kept with the case and carried in case.opened.v1. The intake channel"
            + " is usually REFERRAL then, but it is not forced. case-service keeps the id as given: it does not ask"
            + " referral-service about it.";

    private CaseRequests() {
    }

    public record OpenCase(@NotNull @Valid Intake intake, @NotNull @Valid Subject subject,
                           @Size(max = 30) List<@NotNull @Valid HouseholdMember> household) {
    }

    public record Intake(@NotNull @PastOrPresent OffsetDateTime receivedAt, @NotNull IntakeChannel channel,
                         @NotNull @Valid Consultant consultant, @Size(max = 4000) String summary,
                         @Schema(description = INBOUND_REFERRAL) UUID inboundReferralId) {
    }

    public record Consultant(@NotNull Relation relation, @Size(max = 100) String name) {
    }

    public record Subject(
            @NotBlank @Size(max = 50) String familyName,
            @NotBlank @Size(max = 50) String givenName,
            @NotBlank @Size(max = 50) @Pattern(regexp = KANA, message = "must be kana") String familyNameKana,
            @NotBlank @Size(max = 50) @Pattern(regexp = KANA, message = "must be kana") String givenNameKana,
            @PastOrPresent LocalDate birthDate,
            @Min(1900) @Max(2100) Integer birthYear,
            Gender gender,
            @Size(max = 200) String address,
            @NotNull @PastOrPresent YearMonth withdrawalSince,
            @Size(max = 30) List<@NotBlank @Size(max = 50) String> interests) {
    }

    public record HouseholdMember(@NotNull Relation relation, @Size(max = 100) String name,
                                  @Min(1900) @Max(2100) Integer birthYear, @Size(max = 1000) String health,
                                  boolean keyPerson, @NotNull RelationshipWithSubject relationshipWithSubject) {
    }

    /** What PATCH may change, in full: the merge patch is applied to it and validated as a whole. */
    public record Description(@NotNull @Valid Subject subject,
                              @NotNull @Size(max = 30) List<@NotNull @Valid HouseholdMember> household) {
    }
}
