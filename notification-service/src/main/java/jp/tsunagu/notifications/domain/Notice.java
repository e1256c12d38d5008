package jp.tsunagu.notifications.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a rule decided should be told, before it is told to anyone: the kind, the case and object it
 * links to, the facts of its message (enums, ids, dates: never names or free text), its audience,
 * and who caused it (not told of their own act, except of a crisis).
 *
 * @param centerId the center, or null for a notice to the operators (who belong to none)
 * @param caseId  the case, or null for a notice about no case (a webhook delivery)
 * @param named   the recipients of {@link Audience#NAMED}, empty otherwise
 * @param actor   the user whose act it reports
 */
public record Notice(NotificationKind kind, String centerId, UUID caseId, Subject subject,
                     SortedMap<String, String> facts, Audience audience, Set<String> named,
                     Optional<String> actor) {

    public Notice {
        requireNonNull(kind, "kind");
        if (audience != Audience.ADMINS) {
            requireNonNull(centerId, "centerId");
        }
        requireNonNull(subject, "subject");
        facts = new TreeMap<>(requireNonNull(facts, "facts"));
        requireNonNull(audience, "audience");
        named = Set.copyOf(requireNonNull(named, "named"));
        requireNonNull(actor, "actor");
    }

    public static Notice of(NotificationKind kind, String centerId, UUID caseId, Subject subject,
                            Map<String, String> facts, Audience audience, String actor) {
        return new Notice(kind, centerId, caseId, subject, new TreeMap<>(facts), audience, Set.of(),
                Optional.ofNullable(actor));
    }

    /** The same notice for the people it names. */
    public Notice to(Set<String> people) {
        return new Notice(kind, centerId, caseId, subject, facts, Audience.NAMED, people, actor);
    }

    /** Whether the actor is told too: of a crisis everyone is, whoever reported it. */
    public boolean tellsActor() {
        return kind.isCrisis();
    }
}
