package jp.tsunagu.platform.cloudevents;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope as it travels on Kafka in binary mode: the attributes in {@code ce_*}
 * headers, the JSON data as the record value, the subject (the case id) as the record key.
 */
public record CloudEvent(UUID id, String type, String source, String subject, Instant time, String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
}
