package jp.tsunagu.platform.json;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * What a value of a Java type looks like in the API, in words for an error message: {@code one of
 * STRONG, ADEQUATE, WEAK, ABSENT}, {@code a date YYYY-MM-DD ...}, {@code an object {level, notes}}.
 * Derived from the type (enum constants, record components), never written by hand per field.
 */
public final class Expectations {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, Byte.class, byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(Double.class, double.class, Float.class, float.class,
            BigDecimal.class, Number.class);

    private Expectations() {
    }

    public static String of(Class<?> type) {
        if (type == null) {
            return "a value of another shape";
        }
        if (type.isEnum()) {
            return "one of " + constants(type);
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return Dates.DATE;
        }
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class) {
            return Dates.TIMESTAMP;
        }
        if (type == YearMonth.class) {
            return Dates.MONTH;
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "a whole number";
        }
        if (NUMBERS.contains(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            StringJoiner members = new StringJoiner(", ", "an object {", "}");
            for (RecordComponent component : type.getRecordComponents()) {
                JsonProperty renamed = component.getAnnotation(JsonProperty.class);
                members.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName());
            }
            return members.toString();
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return "a value of another shape";
    }

    /** The names an enum is written with, in declaration order. */
    public static String constants(Class<?> enumType) {
        StringJoiner names = new StringJoiner(", ");
        for (Object constant : enumType.getEnumConstants()) {
            names.add(nameOf((Enum<?>) constant));
        }
        return names.toString();
    }

    static String nameOf(Enum<?> constant) {
        try {
            JsonProperty renamed = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return renamed != null && !renamed.value().isEmpty() ? renamed.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
