package jp.tsunagu.notifications.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.service.Inbox;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller's inbox: each user sees their own notifications only. A crisis alert is acknowledged
 * here by any of its recipients, which stops its escalation for all.
 */
@Path("/api/v1/notifications")
@Tag(name = "notifications", description = "The caller's inbox, unread count, read marks, and crisis acknowledgement")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER, Roles.ADMIN})
public class NotificationResource {

    private final Inbox inbox;
    private final NotificationMapper mapper;

    NotificationResource(Inbox inbox, NotificationMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "The caller's notifications, newest first; only unread ones with unread=true, only one kind with kind")
    public NotificationBodies.Notifications listNotifications(@QueryParam("unread") boolean unreadOnly,
                                                 @QueryParam("kind") NotificationKind kind,
                                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<NotificationBodies.NotificationView> page = inbox.list(new Inbox.Filter(unreadOnly, Optional.ofNullable(kind)),
                PageRequest.of(limit, cursor)).map(mapper::view);
        return new NotificationBodies.Notifications(page.items(), page.nextCursor());
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "How many of the caller's notifications are unread (the badge)")
    public NotificationBodies.UnreadCount countUnreadNotifications() {
        return new NotificationBodies.UnreadCount(inbox.unreadCount());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's notifications; a crisis alert with its acknowledgement and history")
    public NotificationBodies.NotificationView getNotification(@PathParam("id") UUID id) {
        return mapper.view(inbox.get(id));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read (again: nothing changes)")
    public NotificationBodies.NotificationView markNotificationRead(@PathParam("id") UUID id) {
        return mapper.view(inbox.read(id));
    }

    @POST
    @Path("read-all")
    @Operation(summary = "Mark every unread notification of the caller read")
    public NotificationBodies.ReadAll markAllNotificationsRead() {
        return new NotificationBodies.ReadAll(inbox.readAll());
    }

    @POST
    @Path("{id}/acknowledgement")
    @Operation(summary = "Acknowledge a crisis alert: the first acknowledgement stops its escalation for every recipient;"
            + " a later one changes nothing. 409 for a notification that is not a crisis alert")
    public NotificationBodies.NotificationView acknowledgeCrisisAlert(@PathParam("id") UUID id) {
        return mapper.view(inbox.acknowledge(id));
    }
}
