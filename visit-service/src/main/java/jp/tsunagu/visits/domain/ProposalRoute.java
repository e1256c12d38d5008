package jp.tsunagu.visits.domain;

/** How the first visit was proposed to the person: by the family, by a letter passed through the family, or directly. */
public enum ProposalRoute {
    FAMILY_PROPOSAL, LETTER_VIA_FAMILY, DIRECT
}
