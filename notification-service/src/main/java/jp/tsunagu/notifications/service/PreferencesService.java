package jp.tsunagu.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.tsunagu.notifications.domain.MailSettings;
import jp.tsunagu.notifications.domain.NotificationPreferences;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.security.CallerScope;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The caller's own notification preferences: each user reads and sets theirs only (there is no
 * way to name another user's). Someone who never set any has the defaults at version 0; the first
 * {@code PUT} creates them (RFC 9110 preconditions, {@link Versions#precondition}).
 */
@ApplicationScoped
@Transactional
public class PreferencesService {

    /** The caller's preferences as they stand; {@code updatedAt} empty while they are the defaults. */
    public record Current(String userId, long version, MailSettings settings, Optional<Instant> updatedAt) {
    }

    /** What a {@code PUT} wrote, and whether it created the caller's preferences (201) or replaced them. */
    public record Saved(Current current, boolean created) implements Identified {
        @Override
        public Object id() {
            return current.userId();
        }
    }

    private final EntityManager em;
    private final CallerScope caller;
    private final Clock clock;

    PreferencesService(EntityManager em, CallerScope caller, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Current mine() {
        String user = caller.userId();
        NotificationPreferences preferences = em.find(NotificationPreferences.class, user);
        return preferences == null ? new Current(user, 0, MailSettings.DEFAULTS, Optional.empty()) : current(preferences);
    }

    /** Sets the caller's preferences, created by the first call; each call is a new version. */
    @Audited(action = "notification-preferences.replace", objectType = "notification-preferences")
    public Saved replace(Versions.Precondition precondition, MailSettings settings) {
        String user = caller.userId();
        NotificationPreferences existing = em.find(NotificationPreferences.class, user, LockModeType.PESSIMISTIC_WRITE);
        precondition.check(existing == null ? OptionalLong.empty() : OptionalLong.of(existing.version));
        Instant now = clock.instant();
        NotificationPreferences preferences;
        if (existing == null) {
            preferences = NotificationPreferences.first(user, settings, now);
            em.persist(preferences);
        } else {
            preferences = existing;
            preferences.replace(settings, now);
        }
        em.flush();
        return new Saved(current(preferences), existing == null);
    }

    private static Current current(NotificationPreferences preferences) {
        return new Current(preferences.userId, preferences.version, preferences.settings(),
                Optional.ofNullable(preferences.updatedAt));
    }
}
