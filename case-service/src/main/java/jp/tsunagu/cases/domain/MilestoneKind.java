package jp.tsunagu.cases.domain;

/** A step of the person's change (Figure 2 of the booklet), dated as an outcome measure. */
public enum MilestoneKind {
    ACCEPTED_VISITS, DECIDED_TO_CHANGE, LEFT_HOME_WITH_SUPPORTER, JOINED_PEER_ACTIVITY, TOOK_A_ROLE, FOUND_OWN_WAY_OF_WORKING, OTHER
}
