/** notification-service: REST resources (thin: map, call, answer) and their request and response records. */
package jp.tsunagu.notifications.api;
