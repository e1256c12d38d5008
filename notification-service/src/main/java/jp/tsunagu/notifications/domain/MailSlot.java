package jp.tsunagu.notifications.domain;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * When a notification's e-mail goes: {@code dueAt} (at once, at the end of quiet hours, or at the
 * digest time), and whether it goes in the digest with the others of that time or on its own.
 */
public record MailSlot(Instant dueAt, boolean digest) {

    public MailSlot {
        requireNonNull(dueAt, "dueAt");
    }
}
