package jp.tsunagu.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** A notice's facts as the JSON of the notification's {@code facts} column. */
final class Facts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Facts() {
    }

    static String json(Map<String, String> facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts are strings and cannot fail to be written", e);
        }
    }
}
