package jp.tsunagu.cases.domain;

/** Whom the family calls in a crisis: an agency (by directory id or by name) and its phone. */
public record CrisisContact(String agencyId, String name, String phone, String when) {
}
