// What a frontend writes with notification-service's generated types (generated/notification-service.ts).
import type { components, operations } from "../generated/notification-service";

type Schemas = components["schemas"];
type Inbox = operations["listNotifications"]["responses"][200]["content"]["application/json"];
type Query = NonNullable<operations["listNotifications"]["parameters"]["query"]>;

export const unreadCrisisAlerts: Query = { unread: true, kind: "CRISIS_ALERT" };

// @ts-expect-error a notification's kind is a closed set
export const gossip: Query = { kind: "GOSSIP" };

export function unacknowledgedAlerts(inbox: Inbox): Schemas["Notification"][] {
  return (inbox.items ?? []).filter((n) => n.kind === "CRISIS_ALERT" && n.alert?.acknowledgedAt === undefined);
}

type Badge = operations["countUnreadNotifications"]["responses"][200]["content"]["application/json"];

export const badgeOf = (badge: Badge): number => badge.unread ?? 0;
