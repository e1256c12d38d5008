/** visit-service: Outgoing event factories and incoming event handlers. */
package jp.tsunagu.visits.events;
