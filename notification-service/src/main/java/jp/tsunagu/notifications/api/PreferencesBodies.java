package jp.tsunagu.notifications.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.notifications.domain.MailSettings;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.service.PreferencesService;
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The caller's notification preferences as the API reads and writes them. Times are HH:mm, Tokyo time. */
public final class PreferencesBodies {

    static final String HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");

    private PreferencesBodies() {
    }

    @Schema(name = "NotificationPreferencesUpdate", description = "The caller's preferences as a whole: a kind not"
            + " listed in channels is e-mailed (the default); no quietHours, no quiet hours; no digestAt, no digest")
    public record PreferencesBody(
            @Schema(description = "Channels per notification kind, each kind at most once")
            @Size(max = 50) List<@Valid @NotNull ChannelBody> channels,
            @Schema(description = "Hours (Tokyo time) without e-mail but crisis alerts; start up to, not including,"
                    + " end; an end before the start crosses midnight (22:00 to 07:00). A mail due within them waits"
                    + " for their end")
            @Valid QuietHoursBody quietHours,
            @Schema(description = "HH:mm, Tokyo time: the non-urgent kinds are e-mailed together once a day at this"
                    + " time instead of one by one (never the crisis kinds)", example = "08:00")
            @Pattern(regexp = HH_MM, message = "must be HH:mm, e.g. 08:00") String digestAt) {

        MailSettings settings() {
            List<MailSettings.Channel> chosen = channels == null ? List.of()
                    : channels.stream().map(c -> new MailSettings.Channel(c.kind(), c.inbox() == null || c.inbox(), c.email()))
                    .toList();
            return MailSettings.chosen(chosen,
                    Optional.ofNullable(quietHours).map(QuietHoursBody::start).map(PreferencesBodies::time),
                    Optional.ofNullable(quietHours).map(QuietHoursBody::end).map(PreferencesBodies::time),
                    Optional.ofNullable(digestAt).map(PreferencesBodies::time));
        }
    }

    @Schema(name = "NotificationChannelsUpdate")
    public record ChannelBody(
            @NotNull NotificationKind kind,
            @Schema(description = "The inbox always has every notification: only true is accepted") Boolean inbox,
            @Schema(description = "Whether this kind is e-mailed; a crisis kind always is (false is refused)")
            @NotNull Boolean email) {
    }

    @Schema(name = "QuietHours")
    public record QuietHoursBody(
            @Schema(description = "HH:mm, Tokyo time", example = "22:00")
            @NotNull @Pattern(regexp = HH_MM, message = "must be HH:mm, e.g. 22:00") String start,
            @Schema(description = "HH:mm, Tokyo time; not the start", example = "07:00")
            @NotNull @Pattern(regexp = HH_MM, message = "must be HH:mm, e.g. 07:00") String end) {
    }

    @Schema(name = "NotificationPreferences")
    public record PreferencesView(
            @Schema(description = "0 while the caller has the defaults (send If-Match: \"0\", or none, to set them)")
            long version,
            @Schema(description = "Every notification kind with its channels") List<ChannelView> channels,
            @Schema(description = "None when not set") QuietHoursBody quietHours,
            @Schema(description = "HH:mm, Tokyo time; none when not set") String digestAt,
            @Schema(description = "The time zone of every time here", example = "Asia/Tokyo") String timeZone,
            @Schema(description = "None while the caller has the defaults") OffsetDateTime updatedAt) implements Versioned {

        static PreferencesView of(PreferencesService.Current current) {
            MailSettings settings = current.settings();
            return new PreferencesView(current.version(),
                    settings.channels().stream().map(c -> new ChannelView(c.kind(), c.inbox(), c.email(), c.kind().isCrisis()))
                            .toList(),
                    settings.quietHours().map(q -> new QuietHoursBody(FORMAT.format(q.start()), FORMAT.format(q.end())))
                            .orElse(null),
                    settings.digestAt().map(FORMAT::format).orElse(null),
                    Tokyo.ZONE.getId(), current.updatedAt().map(Tokyo::offset).orElse(null));
        }
    }

    @Schema(name = "NotificationChannels")
    public record ChannelView(
            NotificationKind kind,
            @Schema(description = "Always true: the inbox has every notification") boolean inbox,
            boolean email,
            @Schema(description = "A crisis kind: e-mailed at once, never held by quiet hours or the digest")
            boolean urgent) {
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm, FORMAT);
    }
}
