/**
 * The event contracts of Tsunagu on Kafka: topics, event types and the data every event carries.
 * Data records live in {@code cases}, {@code visits} and {@code referrals}, with the closed sets of
 * the API as enums; the JSON Schemas and the AsyncAPI document are resources beside them. The few
 * answers one service gives another over HTTP are contracts here too ({@link jp.tsunagu.events.ServiceAnswer}).
 */
package jp.tsunagu.events;
