/**
 * The case view: a service's own knowledge of the cases it does not own (center, phase, status,
 * team), kept from case-events with the fallback to case-service, on which the service makes its
 * authorization decisions. A service that uses it adds {@code db/case-view} to its Flyway
 * locations, says where case-service is ({@code tsunagu.case-service.url}), and passes the events
 * of its own case-events consumer to {@link jp.tsunagu.platform.caseview.CaseViewStore#apply}.
 */
package jp.tsunagu.platform.caseview;
