package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consent as granted (its terms checked), as it covers referrals day by day, and its one withdrawal. */
class ConsentRulesTest {

    private static final UUID CASE = UUID.fromString("0b0c2c9e-5a4f-4f55-9c1e-7d1b1e7c0a01");
    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private static final LocalDate GRANTED = LocalDate.parse("2026-11-01");

    private static ConsentTerms terms(String agencyIds, String kinds, String purposes, String expiresOn) {
        return new ConsentTerms(split(agencyIds), split(kinds).stream().map(AgencyKind::valueOf).collect(Collectors.toSet()),
                split(purposes).stream().map(ReferralPurpose::valueOf).collect(Collectors.toSet()), GRANTED,
                Optional.ofNullable(expiresOn).map(LocalDate::parse), Optional.empty());
    }

    private static Set<String> split(String values) {
        return values == null ? Set.of() : Arrays.stream(values.split(" ")).filter(v -> !v.isBlank()).collect(Collectors.toSet());
    }

    /** agencyIds, kinds, purposes (space-separated), expiresOn: the field refused, or none. */
    @ParameterizedTest(name = "ids [{0}] kinds [{1}] purposes [{2}] until {3}: {4}")
    @CsvSource(textBlock = """
            tokyo-police,             ,                 BACKUP,              ,           
            ,                         POLICE HOSPITAL,  BACKUP TRANSFER,     2027-10-31, 
            tokyo-police,             POLICE,           CRISIS_INTERVENTION, 2026-11-01, 
            ,                         ,                 BACKUP,              ,           agencyIds
            tokyo-police,             ,                 ,                    ,           purposes
            tokyo-police,             ,                 BACKUP,              2026-10-31, expiresOn
            """)
    void aGrantNamesAnAgencyOrKindAPurposeAndASensibleExpiry(String ids, String kinds, String purposes, String expiresOn,
                                                             String refused) {
        ConsentTerms given = terms(ids, kinds, purposes, expiresOn);
        if (refused == null) {
            Consent consent = Consent.grant(CASE, "tokyo", ConsentGrantor.GUARDIAN, ConsentMethod.WRITTEN, given, "u", NOW);
            assertThat(consent.agencyIds).isEqualTo(given.agencyIds());
            assertThat(consent.agencyKinds).isEqualTo(given.agencyKinds());
            assertThat(consent.purposes).isEqualTo(given.purposes());
            assertThat(consent.expiresOn).isEqualTo(given.expiresOn().orElse(null));
            assertThat(consent.caseId).isEqualTo(CASE);
            assertThat(consent.centerId).isEqualTo("tokyo");
            assertThat(consent.recordedAt).isEqualTo(NOW);
            assertThat(consent.isWithdrawn()).isFalse();
            assertThat(consent.terms()).isEqualTo(given);
        } else {
            assertThatThrownBy(() -> Consent.grant(CASE, "tokyo", ConsentGrantor.SUBJECT, ConsentMethod.VERBAL, given, "u", NOW))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo(refused)));
        }
    }

    /** A consent for the Shinjuku health center by id and every police station, for BACKUP, until the end of March. */
    @ParameterizedTest(name = "{0} ({1}) for {2} on {3}, withdrawn on {4}: {5}")
    @CsvSource(textBlock = """
            shinjuku-hc, PUBLIC_HEALTH_CENTER, BACKUP,   2026-11-25,           , true
            any-police,  POLICE,               BACKUP,   2026-11-25,           , true
            any-clinic,  PSYCHIATRIC_CLINIC,   BACKUP,   2026-11-25,           , false
            shinjuku-hc, PUBLIC_HEALTH_CENTER, TRANSFER, 2026-11-25,           , false
            shinjuku-hc, PUBLIC_HEALTH_CENTER, BACKUP,   2026-10-31,           , false
            shinjuku-hc, PUBLIC_HEALTH_CENTER, BACKUP,   2027-03-31,           , true
            shinjuku-hc, PUBLIC_HEALTH_CENTER, BACKUP,   2027-04-01,           , false
            shinjuku-hc, PUBLIC_HEALTH_CENTER, BACKUP,   2026-11-25, 2026-11-26, true
            shinjuku-hc, PUBLIC_HEALTH_CENTER, BACKUP,   2026-11-26, 2026-11-26, false
            any-police,  POLICE,               BACKUP,   2026-12-01, 2026-11-26, false
            """)
    void itCoversTheAgenciesAndPurposesItNamesWhileItHolds(String agencyId, AgencyKind kind, ReferralPurpose purpose,
                                                          LocalDate day, LocalDate withdrawnOn, boolean covered) {
        Consent consent = Consent.grant(CASE, "tokyo", ConsentGrantor.SUBJECT, ConsentMethod.WRITTEN,
                terms("shinjuku-hc", "POLICE", "BACKUP", "2027-03-31"), "u", NOW);
        if (withdrawnOn != null) {
            consent.withdraw(withdrawnOn, "w", NOW);
        }
        assertThat(consent.terms().covers(agencyId, kind, purpose, day)).isEqualTo(covered);
    }

    @Test
    void aConsentIsWithdrawnOnce() {
        Consent consent = Consent.grant(CASE, "tokyo", ConsentGrantor.FAMILY, ConsentMethod.VERBAL,
                terms(null, "POLICE", "CRISIS_INTERVENTION", null), "u", NOW);
        LocalDate on = LocalDate.parse("2026-11-25");
        consent.withdraw(on, "withdrawer", NOW.plusSeconds(60));
        assertThat(consent.isWithdrawn()).isTrue();
        assertThat(consent.withdrawnOn).isEqualTo(on);
        assertThat(consent.withdrawnAt).isEqualTo(NOW.plusSeconds(60));
        assertThat(consent.withdrawnBy).isEqualTo("withdrawer");
        assertThat(consent.terms().withdrawnOn()).contains(on);
        assertThat(consent.terms().validOn(on)).isFalse();
        assertThat(consent.terms().validOn(on.minusDays(1))).isTrue();

        assertThatThrownBy(() -> consent.withdraw(on.plusDays(1), "someone-else", NOW.plusSeconds(120)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(on.toString());
        assertThat(consent.withdrawnBy).isEqualTo("withdrawer");
        assertThat(consent.withdrawnOn).isEqualTo(on);
    }
}
