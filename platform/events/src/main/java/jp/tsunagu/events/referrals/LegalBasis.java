package jp.tsunagu.events.referrals;

/** The recorded basis for sharing case data with an agency (個人情報保護法). */
public enum LegalBasis {
    /** The person or family consented (本人同意). */
    CONSENT,
    /** Protecting life or body when consent is hard to get (生命・身体の保護). */
    VITAL_INTEREST
}
