package jp.tsunagu.notifications.domain;

/** Who a notice is for, named by role in the case or the center; the service finds the people. */
public enum Audience {
    /** The people of the case's support team (agency contacts do not sign in here). */
    TEAM,
    /** The team and every supervisor of the case's center. */
    TEAM_AND_SUPERVISORS,
    /** The case's primary supporter. */
    PRIMARY,
    /** The primary supporter and every supervisor of the center. */
    PRIMARY_AND_SUPERVISORS,
    /** Every supervisor of the center. */
    SUPERVISORS,
    /** The people the notice names itself (e.g. a visit's visitors). */
    NAMED,
    /** The operators (role admin), whatever their center. */
    ADMINS
}
