package jp.tsunagu.notifications.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * How a user wants their notifications by e-mail: the kinds not e-mailed, quiet hours, and the
 * time of a daily digest of the non-urgent kinds (Tokyo time). The inbox always has everything;
 * a crisis kind is always e-mailed at once, whatever the rest says.
 */
public record MailSettings(Set<NotificationKind> emailOff, Optional<QuietHours> quietHours,
                           Optional<LocalTime> digestAt) {

    /** A user who has set nothing: every kind e-mailed at once, at any hour. */
    public static final MailSettings DEFAULTS = new MailSettings(Set.of(), Optional.empty(), Optional.empty());

    /** One kind's channels as a user chooses them: the inbox cannot be turned off, nor a crisis kind's e-mail. */
    public record Channel(NotificationKind kind, boolean inbox, boolean email) {
    }

    public MailSettings {
        requireNonNull(quietHours, "quietHours");
        requireNonNull(digestAt, "digestAt");
        emailOff = emailOff.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(emailOff));
        if (emailOff.stream().anyMatch(NotificationKind::isCrisis)) {
            throw new IllegalArgumentException("a crisis kind is always e-mailed");
        }
        digestAt.ifPresent(time -> {
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw new IllegalArgumentException("the digest time is a whole minute");
            }
        });
    }

    /**
     * The settings a user chose, checked: each kind at most once, the inbox on, a crisis kind's
     * e-mail on, quiet hours with a start and a different end. A kind not listed keeps its default
     * (e-mailed). 400 with every violation.
     */
    public static MailSettings chosen(List<Channel> channels, Optional<LocalTime> quietStart, Optional<LocalTime> quietEnd,
                                      Optional<LocalTime> digestAt) {
        List<Violation> violations = new ArrayList<>();
        Optional<QuietHours> quietHours = Optional.empty();
        if (quietStart.isPresent() != quietEnd.isPresent()) {
            violations.add(new Violation(quietStart.isPresent() ? "quietHours.end" : "quietHours.start",
                    "quiet hours need a start and an end"));
        } else if (quietStart.isPresent() && quietStart.get().equals(quietEnd.get())) {
            violations.add(new Violation("quietHours.end", "must differ from the start"));
        } else if (quietStart.isPresent()) {
            quietHours = Optional.of(new QuietHours(quietStart.get(), quietEnd.get()));
        }
        Set<NotificationKind> seen = EnumSet.noneOf(NotificationKind.class);
        Set<NotificationKind> off = EnumSet.noneOf(NotificationKind.class);
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            String field = "channels[" + i + "]";
            if (!seen.add(channel.kind())) {
                violations.add(new Violation(field + ".kind", "each kind at most once"));
            }
            if (!channel.inbox()) {
                violations.add(new Violation(field + ".inbox", "the inbox always has every notification"));
            }
            if (!channel.email()) {
                if (channel.kind().isCrisis()) {
                    violations.add(new Violation(field + ".email", "a crisis alert is always e-mailed"));
                } else {
                    off.add(channel.kind());
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new MailSettings(off, quietHours, digestAt);
    }

    /** Whether notifications of the kind are e-mailed at all. */
    public boolean emails(NotificationKind kind) {
        return kind.isCrisis() || !emailOff.contains(kind);
    }

    /** Every kind with its channels, in the order of the enum. */
    public List<Channel> channels() {
        return Arrays.stream(NotificationKind.values()).map(kind -> new Channel(kind, true, emails(kind))).toList();
    }
}
