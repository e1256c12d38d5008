package jp.tsunagu.notifications.service;

/**
 * Something was marked read in the recipient's inbox (the unread count changed): a CDI event fired
 * in the transaction that marked it, for the live stream's badges.
 */
public record InboxChanged(String recipientId) {
}
