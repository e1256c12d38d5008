package jp.tsunagu.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** What this service's native queries write to and read from their columns: JSON texts. */
final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Columns() {
    }

    /** A value of strings (facts, user ids) as the text of a {@code jsonb} column. */
    static String json(Object strings) {
        try {
            return JSON.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings cannot fail to be written", e);
        }
    }

    /** A {@code jsonb} array of strings read back as text. */
    static List<String> strings(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a column written as strings reads back as strings", e);
        }
    }
}
