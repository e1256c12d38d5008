package jp.tsunagu.notifications.domain;

import jp.tsunagu.platform.time.Tokyo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a notification is e-mailed, by its recipient's {@link MailSettings} (all times Tokyo):
 * <ul>
 *   <li>a crisis kind: at once, always; quiet hours and the digest never hold it;</li>
 *   <li>a kind the recipient does not want by e-mail: never (the inbox has it);</li>
 *   <li>with a digest time: in the digest at the first digest time at or after the notification;</li>
 *   <li>otherwise at once;</li>
 * </ul>
 * and whatever would go within quiet hours is held until they end (a digest too).
 */
public final class MailTiming {

    private MailTiming() {
    }

    /** The e-mail of a notification of {@code kind} made at {@code at}; empty when there is none. */
    public static Optional<MailSlot> slot(NotificationKind kind, MailSettings settings, Instant at) {
        if (kind.isCrisis()) {
            return Optional.of(new MailSlot(at, false));
        }
        if (!settings.emails(kind)) {
            return Optional.empty();
        }
        return Optional.of(settings.digestAt()
                .map(time -> new MailSlot(released(settings, nextDigest(time, at)), true))
                .orElseGet(() -> new MailSlot(released(settings, at), false)));
    }

    /** The first time the digest goes at or after {@code at}: today's if it has not passed yet, else tomorrow's. */
    public static Instant nextDigest(LocalTime digestAt, Instant at) {
        ZonedDateTime tokyo = at.atZone(Tokyo.ZONE);
        LocalDate day = tokyo.toLocalDate();
        ZonedDateTime today = day.atTime(digestAt).atZone(Tokyo.ZONE);
        return (today.isBefore(tokyo) ? day.plusDays(1).atTime(digestAt).atZone(Tokyo.ZONE) : today).toInstant();
    }

    /** When a non-urgent mail due at {@code due} may go: then, or when the quiet hours holding it end. */
    public static Instant released(MailSettings settings, Instant due) {
        return settings.quietHours().filter(quiet -> quiet.contains(due)).map(quiet -> quiet.endAfter(due)).orElse(due);
    }
}
