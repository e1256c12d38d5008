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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** The bodies of POST /cases and PATCH /cases/{id}. */
public final class CaseRequests {

    /** Hiragana or katakana (full or half width), the long-vowel mark, middle dots and spaces. */
    public static final String KANA = "^[\\p{IsHiragana}\\p{IsKatakana}\\uFF61-\\uFF9F\\u30FC\\u30FB\\s\\u3000]+$";

    private CaseRequests() {
    }

    public record OpenCase(@NotNull @Valid Intake intake, @NotNull @Valid Subject subject,
                           @Size(max = 30) List<@NotNull @Valid HouseholdMember> household) {
    }

    public record Intake(@NotNull @PastOrPresent OffsetDateTime receivedAt, @NotNull IntakeChannel channel,
                         @NotNull @Valid Consultant consultant, @Size(max = 4000) String summary) {
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
