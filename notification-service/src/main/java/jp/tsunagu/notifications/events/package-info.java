/** notification-service: Outgoing event factories and incoming event handlers. */
package jp.tsunagu.notifications.events;
