package jp.tsunagu.notifications.api;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jp.tsunagu.notifications.security.NotificationAccess;
import jp.tsunagu.notifications.service.LiveInbox;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The caller's inbox, live: server-sent events of their new notifications and of their unread count
 * (the badge), resumable with {@code Last-Event-ID}, until their token expires.
 */
@Path("/api/v1/notifications/stream")
@Tag(name = "notifications")
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER, Roles.ADMIN})
public class NotificationStreamResource {

    /** The event of a new notification: {@code id} its seq, {@code data} the inbox's Notification. */
    public static final String NOTIFICATION = "notification";
    /** The event of the unread count: {@code data} {@code {"unread": n}}. */
    public static final String UNREAD_COUNT = "unread-count";

    private final LiveInbox live;
    private final NotificationAccess access;
    private final NotificationMapper mapper;
    private final JsonWebToken token;

    NotificationStreamResource(LiveInbox live, NotificationAccess access, NotificationMapper mapper, JsonWebToken token) {
        this.live = live;
        this.access = access;
        this.mapper = mapper;
        this.token = token;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's new notifications and unread count, live, as server-sent events",
            description = """
                    Events: `notification` (`id` the notification's seq, `data` a Notification as the inbox shows it) \
                    and `unread-count` (`data` {"unread": n}), sent first and whenever the count changes (a new \
                    notification, a read or read-all on any device). A comment line (`: heartbeat`) keeps a quiet \
                    connection open. With `Last-Event-ID` (the last seq received) every notification after it comes \
                    first, in order, then the count; without it, the count. The stream ends when the caller's \
                    token expires: reconnect with a fresh token and `Last-Event-ID`.""")
    @APIResponse(responseCode = "200", description = "The stream of events (text/event-stream)",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING, description = "Server-sent events: notification, unread-count")))
    public Multi<OutboundSseEvent> streamNotifications(
            @Parameter(description = "The seq of the last notification received: the stream resumes after it")
            @HeaderParam("Last-Event-ID") Long lastEventId,
            @Context Sse sse) {
        if (lastEventId != null && lastEventId < 0) {
            throw new InvalidRequestException("Last-Event-ID", "must be a seq received from this stream (0 or more)");
        }
        OptionalLong after = lastEventId == null ? OptionalLong.empty() : OptionalLong.of(lastEventId);
        return live.follow(access.recipient(), after, Instant.ofEpochSecond(token.getExpirationTime()))
                .map(update -> event(sse, update));
    }

    private OutboundSseEvent event(Sse sse, LiveInbox.Update update) {
        return switch (update) {
            case LiveInbox.Created created -> sse.newEventBuilder().name(NOTIFICATION)
                    .id(Long.toString(created.notification().seq))
                    .data(NotificationBodies.NotificationView.class, mapper.view(created.notification())).build();
            case LiveInbox.Unread unread -> sse.newEventBuilder().name(UNREAD_COUNT)
                    .data(NotificationBodies.UnreadCount.class, new NotificationBodies.UnreadCount(unread.unread())).build();
            case LiveInbox.Heartbeat heartbeat -> sse.newEventBuilder().comment("heartbeat").build();
        };
    }
}
