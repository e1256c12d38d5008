package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentTermsTest {

    /** Consent for the Tokyo health center by id and for every psychiatric clinic, for backup and consultation. */
    private static final ConsentTerms TERMS = new ConsentTerms(Set.of("tokyo-health-center"),
            Set.of(AgencyKind.PSYCHIATRIC_CLINIC), Set.of(ReferralPurpose.BACKUP, ReferralPurpose.CONSULTATION),
            LocalDate.parse("2026-04-01"), Optional.of(LocalDate.parse("2027-03-31")), Optional.empty());

    @ParameterizedTest(name = "{0} ({1}) for {2} on {3}: {4}")
    @CsvSource(textBlock = """
            tokyo-health-center, PUBLIC_HEALTH_CENTER, BACKUP,              2026-11-25, true
            tokyo-health-center, PUBLIC_HEALTH_CENTER, CONSULTATION,        2026-04-01, true
            tokyo-health-center, PUBLIC_HEALTH_CENTER, BACKUP,              2027-03-31, true
            tokyo-health-center, PUBLIC_HEALTH_CENTER, BACKUP,              2026-03-31, false
            tokyo-health-center, PUBLIC_HEALTH_CENTER, BACKUP,              2027-04-01, false
            tokyo-health-center, PUBLIC_HEALTH_CENTER, TRANSFER,            2026-11-25, false
            some-clinic,         PSYCHIATRIC_CLINIC,   BACKUP,              2026-11-25, true
            tokyo-police,        POLICE,               BACKUP,              2026-11-25, false
            tokyo-police,        POLICE,               CRISIS_INTERVENTION, 2026-11-25, false
            """)
    void covers(String agencyId, AgencyKind kind, ReferralPurpose purpose, LocalDate day, boolean covered) {
        assertThat(TERMS.covers(agencyId, kind, purpose, day)).isEqualTo(covered);
    }

    @Test
    void withdrawalEndsItFromThatDay() {
        ConsentTerms withdrawn = TERMS.withdrawn(LocalDate.parse("2026-11-25"));
        assertThat(withdrawn.covers("tokyo-health-center", AgencyKind.PUBLIC_HEALTH_CENTER, ReferralPurpose.BACKUP,
                LocalDate.parse("2026-11-24"))).isTrue();
        assertThat(withdrawn.covers("tokyo-health-center", AgencyKind.PUBLIC_HEALTH_CENTER, ReferralPurpose.BACKUP,
                LocalDate.parse("2026-11-25"))).isFalse();
    }

    @Test
    void withoutExpiryItHoldsUntilWithdrawn() {
        ConsentTerms open = new ConsentTerms(Set.of(), Set.of(AgencyKind.POLICE), Set.of(ReferralPurpose.CRISIS_INTERVENTION),
                LocalDate.parse("2026-01-01"), Optional.empty(), Optional.empty());
        assertThat(open.validOn(LocalDate.parse("2040-01-01"))).isTrue();
    }

    @Test
    void termsGivenByAClientNameAnAgencyAPurposeAndASensibleExpiry() {
        LocalDate day = LocalDate.parse("2026-11-25");
        assertThatThrownBy(() -> new ConsentTerms(Set.of(), Set.of(), Set.of(ReferralPurpose.BACKUP), day,
                Optional.empty(), Optional.empty()).validated()).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new ConsentTerms(Set.of("a"), Set.of(), Set.of(), day,
                Optional.empty(), Optional.empty()).validated()).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new ConsentTerms(Set.of("a"), Set.of(), Set.of(ReferralPurpose.BACKUP), day,
                Optional.of(day.minusDays(1)), Optional.empty()).validated()).isInstanceOf(InvalidRequestException.class);
    }
}
