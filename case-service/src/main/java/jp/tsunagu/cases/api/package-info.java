/**
 * case-service: REST resources (thin: map, call, answer) and their request and response records.
 * <p>
 * Mapping, one style in every service: records apart from entities (CaseRequests, CaseResponses), and one
 * hand-written {@code final} class of static methods per aggregate, {@code XMapper} (CaseMapper),
 * with its own plain unit test; a view of a handful of fields keeps a static {@code of(entity)}
 * beside its resource.
 */
package jp.tsunagu.cases.api;
