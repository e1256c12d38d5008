package jp.tsunagu.referrals.domain;

/** How a step of a referral came in: through the agency's own system (API), by phone or fax and entered by a supporter, or made by the system itself (a withdrawal's cascade). */
public enum AnswerChannel {
    API,
    PHONE,
    FAX,
    SYSTEM
}
