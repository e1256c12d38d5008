package jp.tsunagu.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A value of the right JSON type that the API still refuses, with what is wrong in words. */
public class RejectedValueException extends MismatchedInputException {

    private final String reason;

    public RejectedValueException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** What is wrong, e.g. {@code must not contain the NUL character}. */
    public String reason() {
        return reason;
    }
}
