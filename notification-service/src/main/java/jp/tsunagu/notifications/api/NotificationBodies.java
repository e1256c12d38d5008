package jp.tsunagu.notifications.api;

import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.domain.Subject;
import jp.tsunagu.notifications.service.AlertHistory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the inbox answers. Nothing in it names a person or quotes a note: kinds, ids, enums, dates. */
public final class NotificationBodies {

    private NotificationBodies() {
    }

    @Schema(name = "Notification")
    public record NotificationView(
            UUID id,
            @Schema(description = "The recipient's own sequence number: the order of the inbox, and the SSE event id")
            long seq,
            NotificationKind kind,
            @Schema(description = "What happened, in Japanese, without names or content") String title,
            @Schema(description = "Where to look, in the frontend") String link,
            UUID caseId,
            SubjectView subject,
            @Schema(description = "Enums, ids and dates of the event, for the client's own wording") Map<String, String> facts,
            OffsetDateTime createdAt,
            OffsetDateTime readAt,
            @Schema(description = "For a crisis alert: its acknowledgement and history") AlertView alert) {
    }

    @Schema(name = "NotificationSubject")
    public record SubjectView(Subject.Type type, UUID id) {
    }

    @Schema(name = "CrisisAlert")
    public record AlertView(UUID id, UUID caseId, OffsetDateTime raisedAt, OffsetDateTime acknowledgedAt,
                            String acknowledgedBy, int escalations, OffsetDateTime nextEscalationAt,
                            List<AlertStepView> history) {
    }

    @Schema(name = "CrisisAlertStep")
    public record AlertStepView(int stepNo, AlertHistory.What what, OffsetDateTime at, String actor, int recipients) {
    }

    @Schema(name = "Notifications")
    public record Notifications(List<NotificationView> items, String nextCursor) {
    }

    @Schema(name = "UnreadCount")
    public record UnreadCount(long unread) {
    }

    @Schema(name = "ReadAll")
    public record ReadAll(int marked) {
    }
}
