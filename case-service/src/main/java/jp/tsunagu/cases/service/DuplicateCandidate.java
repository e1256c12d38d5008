package jp.tsunagu.cases.service;

import jp.tsunagu.cases.domain.SupportCase;

import java.util.Set;

/** A case of the center whose subject may be the same person, and on what they match. */
public record DuplicateCandidate(SupportCase supportCase, Set<Match> matchedOn) {

    public enum Match { KANA_NAME, BIRTH_DATE, BIRTH_YEAR }
}
