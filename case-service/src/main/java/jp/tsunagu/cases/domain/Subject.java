package jp.tsunagu.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/**
 * The person the case is about (本人): names in kanji and kana, and since when withdrawn
 * ({@code YYYY-MM}). Birth date or only a birth year, as the family knows it.
 */
@Embeddable
public record Subject(
        @Column(name = "family_name") String familyName,
        @Column(name = "given_name") String givenName,
        @Column(name = "family_name_kana") String familyNameKana,
        @Column(name = "given_name_kana") String givenNameKana,
        @Column(name = "birth_date") LocalDate birthDate,
        @Column(name = "birth_year") Integer birthYear,
        @Enumerated(EnumType.STRING) @Column(name = "gender") Gender gender,
        @Column(name = "address") String address,
        @Column(name = "withdrawal_since") String withdrawalSince) {

    /** The birth year, from the date when there is one. */
    public Integer knownBirthYear() {
        return birthDate != null ? Integer.valueOf(birthDate.getYear()) : birthYear;
    }
}
