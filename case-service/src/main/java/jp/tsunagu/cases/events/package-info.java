/**
 * case-service: Outgoing event factories and incoming event handlers. Depends on {@code domain/}
 * only; {@code service/} uses it, never the reverse (ArchitectureTest).
 */
package jp.tsunagu.cases.events;
