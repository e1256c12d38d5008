package jp.tsunagu.platform.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jp.tsunagu.platform.problem.Violation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Turns a failure to read a JSON body into one violation: the JSON path of the field
 * ({@code household[0].relation}, {@code body} for the document) and what was expected there, in
 * words derived from the target Java type by {@link Expectations}.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static Violation violation(JsonProcessingException e) {
        JsonProcessingException reason = reason(e);
        String field = reason instanceof StreamReadException && reason.getProcessor() instanceof JsonParser parser
                ? path(parser.getParsingContext()) : field(e);
        return new Violation(field.isEmpty() ? "body" : field, message(reason));
    }

    /**
     * The failure itself: Jackson wraps a parser's failure inside a record's property in a plain
     * JsonMappingException that only adds the path.
     */
    private static JsonProcessingException reason(JsonProcessingException e) {
        JsonProcessingException reason = e;
        for (int depth = 0; depth < 10 && reason.getClass() == JsonMappingException.class
                && reason.getCause() instanceof JsonProcessingException cause; depth++) {
            reason = cause;
        }
        return reason;
    }

    private static String message(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof RejectedValueException rejected) {
            return rejected.reason();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown property";
        }
        if (e instanceof MismatchedInputException && original.startsWith("Trailing token")) {
            // Jackson has no type of its own for it (FAIL_ON_TRAILING_TOKENS)
            return "must be one JSON document with nothing after it";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "must be " + Expectations.of(mismatch.getTargetType());
        }
        if (e instanceof InputCoercionException coercion) {
            return "must be " + Expectations.of(coercion.getTargetType()) + " within the range of its type";
        }
        if (e instanceof StreamConstraintsException) {
            return "goes beyond what the API reads (too long or too deeply nested)";
        }
        if (e instanceof StreamReadException && original.startsWith("Duplicate field")) {
            // STRICT_DUPLICATE_DETECTION reports it as a plain parse error
            return "appears more than once";
        }
        if (e instanceof StreamReadException) {
            JsonLocation at = e.getLocation();
            return at == null ? "not valid JSON" : "not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return "not readable";
    }

    private static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                return "";
            }
            return path(mapping.getPath());
        }
        return "";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** Where the parser was, from the root down: {@code household[0].name}. */
    private static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                field.append('[').append(c.getCurrentIndex()).append(']');
            }
        }
        return field.toString();
    }
}
