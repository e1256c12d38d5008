package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.platform.problem.InvalidRequestException;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a consent to share allows (同意の範囲): with which agencies (named ones, or every agency of
 * some kinds), for which purposes, from which day until which day (both inclusive, Tokyo dates),
 * unless it was withdrawn (then no longer from the day of withdrawal).
 */
public record ConsentTerms(Set<String> agencyIds, Set<AgencyKind> agencyKinds, Set<ReferralPurpose> purposes,
                           LocalDate grantedOn, Optional<LocalDate> expiresOn, Optional<LocalDate> withdrawnOn) {

    public ConsentTerms {
        agencyIds = Set.copyOf(Objects.requireNonNullElse(agencyIds, Set.of()));
        agencyKinds = Set.copyOf(Objects.requireNonNullElse(agencyKinds, Set.of()));
        purposes = Set.copyOf(Objects.requireNonNullElse(purposes, Set.of()));
        Objects.requireNonNull(grantedOn, "grantedOn");
        expiresOn = Objects.requireNonNullElse(expiresOn, Optional.<LocalDate>empty());
        withdrawnOn = Objects.requireNonNullElse(withdrawnOn, Optional.<LocalDate>empty());
    }

    /** Checks terms as given by a client: at least one agency or kind, one purpose, an expiry not before the grant. */
    public ConsentTerms validated() {
        if (agencyIds.isEmpty() && agencyKinds.isEmpty()) {
            throw new InvalidRequestException("agencyIds", "name at least one agency (agencyIds) or kind of agency (agencyKinds)");
        }
        if (purposes.isEmpty()) {
            throw new InvalidRequestException("purposes", "name at least one purpose");
        }
        if (expiresOn.filter(e -> e.isBefore(grantedOn)).isPresent()) {
            throw new InvalidRequestException("expiresOn", "must not be before grantedOn");
        }
        return this;
    }

    /** Whether sharing with that agency for that purpose rests on this consent on {@code day}. */
    public boolean covers(String agencyId, AgencyKind kind, ReferralPurpose purpose, LocalDate day) {
        return validOn(day)
                && (agencyIds.contains(agencyId) || agencyKinds.contains(kind))
                && purposes.contains(purpose);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(grantedOn)
                && expiresOn.map(e -> !day.isAfter(e)).orElse(true)
                && withdrawnOn.map(w -> day.isBefore(w)).orElse(true);
    }

    public ConsentTerms withdrawn(LocalDate on) {
        return new ConsentTerms(agencyIds, agencyKinds, purposes, grantedOn, expiresOn, Optional.of(on));
    }
}
