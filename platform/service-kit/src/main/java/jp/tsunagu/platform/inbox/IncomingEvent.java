package jp.tsunagu.platform.inbox;

import jp.tsunagu.events.EventData;
import jp.tsunagu.events.EventType;
import jp.tsunagu.platform.cloudevents.CloudEvent;

/** An event read from Kafka: its envelope, its type, and its data as the contract's record. */
public record IncomingEvent(CloudEvent envelope, EventType type, EventData data) {
}
