package jp.tsunagu.events;

import java.util.UUID;

/**
 * The data of an event (the CloudEvents {@code data}): ids, enums, dates, counts and the center,
 * never names, addresses, notes or any other free text.
 */
public interface EventData {

    /**
     * The case the event is about; {@code null} only for an inbound referral that has no case yet
     * and for a shared audit entry, which names its cases itself ({@code audit.recorded.v2}).
     */
    UUID caseId();

    /** The regional support center (ひきこもり地域支援センター) the case belongs to, e.g. {@code tokyo}. */
    String centerId();

    /**
     * The Kafka record key and the CloudEvents {@code subject}: the case id, so that the events of a
     * case stay in order; an event without a single case overrides it.
     */
    default UUID partitionKey() {
        return caseId();
    }
}
