/** notification-service: Use cases; transactions live here. */
package jp.tsunagu.notifications.service;
