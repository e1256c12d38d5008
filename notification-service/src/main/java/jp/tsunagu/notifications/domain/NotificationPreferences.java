package jp.tsunagu.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's notification preferences (通知設定) as kept: the {@link MailSettings} and their version.
 * A user without a row has {@link MailSettings#DEFAULTS} at version 0. Times are kept as the
 * minute of the Tokyo day.
 */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreferences extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;
    /** 1 when first set, one more at each change (the ETag; managed here, not by Hibernate). */
    public long version;
    /** The kinds not e-mailed, by name (a name no longer a kind is ignored). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "email_off")
    public List<String> emailOff = new ArrayList<>();
    @Column(name = "quiet_start_minute")
    public Integer quietStartMinute;
    @Column(name = "quiet_end_minute")
    public Integer quietEndMinute;
    @Column(name = "digest_minute")
    public Integer digestMinute;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A user's first preferences. */
    public static NotificationPreferences first(String userId, MailSettings settings, Instant at) {
        NotificationPreferences preferences = new NotificationPreferences();
        preferences.userId = userId;
        preferences.version = 0;
        preferences.replace(settings, at);
        return preferences;
    }

    /** Replaces the settings: a new version, whether anything changed or not (each PUT is one). */
    public void replace(MailSettings settings, Instant at) {
        emailOff = settings.emailOff().stream().map(Enum::name).sorted().toList();
        quietStartMinute = settings.quietHours().map(q -> minute(q.start())).orElse(null);
        quietEndMinute = settings.quietHours().map(q -> minute(q.end())).orElse(null);
        digestMinute = settings.digestAt().map(NotificationPreferences::minute).orElse(null);
        updatedAt = at;
        version++;
    }

    public MailSettings settings() {
        Set<NotificationKind> off = EnumSet.noneOf(NotificationKind.class);
        emailOff.forEach(name -> Arrays.stream(NotificationKind.values())
                .filter(kind -> kind.name().equals(name) && !kind.isCrisis()).forEach(off::add));
        Optional<QuietHours> quiet = quietStartMinute == null || quietEndMinute == null ? Optional.empty()
                : Optional.of(new QuietHours(time(quietStartMinute), time(quietEndMinute)));
        return new MailSettings(off, quiet, Optional.ofNullable(digestMinute).map(NotificationPreferences::time));
    }

    private static int minute(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static LocalTime time(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }
}
