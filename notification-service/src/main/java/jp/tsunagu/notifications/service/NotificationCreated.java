package jp.tsunagu.notifications.service;

import jp.tsunagu.notifications.domain.Notification;

/**
 * A notification was put in someone's inbox: a CDI event fired in the transaction that made it,
 * for the channels (e-mail, the live stream) to take it with the same commit.
 */
public record NotificationCreated(Notification notification) {
}
