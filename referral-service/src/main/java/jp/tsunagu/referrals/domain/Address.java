package jp.tsunagu.referrals.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A Japanese postal address: postal code ({@code 160-0022}), prefecture (都道府県), municipality
 * (市区町村) and the rest (町域・番地・建物).
 */
public record Address(@NotBlank @Pattern(regexp = "\\d{3}-\\d{4}", message = "must be a postal code like 160-0022") String postalCode,
                      @NotBlank @Pattern(regexp = ".{1,3}[都道府県]", message = "must be a prefecture, e.g. 東京都") String prefecture,
                      @NotBlank @Size(max = 50) String municipality,
                      @NotBlank @Size(max = 200) String street) {
}
