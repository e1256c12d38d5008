package jp.tsunagu.referrals.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A phone or fax number of an agency, with what it is for (e.g. 平日 8:30-17:15). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Phone(@NotBlank @Pattern(regexp = "\\+?[0-9][0-9() -]{1,19}", message = "must be a phone number like 03-0000-0000") String number,
                    @NotNull PhoneKind kind,
                    @Size(max = 200) String description) {
}
