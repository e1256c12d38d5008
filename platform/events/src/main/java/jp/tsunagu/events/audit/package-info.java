/**
 * Events on {@code audit-events}: the audit entries a service shares with the service that keeps
 * the case's access log (case-service), without any content of what was read or changed.
 */
package jp.tsunagu.events.audit;
