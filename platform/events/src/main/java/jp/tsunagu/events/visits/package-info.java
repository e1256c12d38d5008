/** Events of visit-service on {@code visit-events}, and the closed sets of a visit as enums. */
package jp.tsunagu.events.visits;
