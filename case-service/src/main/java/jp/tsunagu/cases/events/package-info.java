/** case-service: Outgoing event factories and incoming event handlers. */
package jp.tsunagu.cases.events;
