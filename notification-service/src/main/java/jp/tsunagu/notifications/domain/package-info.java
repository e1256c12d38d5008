/** notification-service: Entities, value objects, rules and domain exceptions: no HTTP, no Kafka here. */
package jp.tsunagu.notifications.domain;
