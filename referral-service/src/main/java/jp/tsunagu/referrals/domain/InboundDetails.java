package jp.tsunagu.referrals.domain;

import java.util.Objects;

/**
 * What an agency tells the center when it refers a household to it (an inbound referral): whom to
 * contact, what worries them, whether they hold the household's consent to share, and whether the
 * person must not be contacted directly (only through the contact person). Free text: it stays in
 * referral-service, never in events or logs.
 */
public record InboundDetails(ContactPerson contactPerson, String concern, boolean consentHeld,
                             boolean doNotContactDirectly) {

    /** Whom the center should contact: usually a family member, sometimes the agency's own worker. */
    public record ContactPerson(String name, String relation, String phone) {
        public ContactPerson {
            Objects.requireNonNull(name, "name");
        }
    }

    public InboundDetails {
        Objects.requireNonNull(contactPerson, "contactPerson");
        Objects.requireNonNull(concern, "concern");
    }
}
