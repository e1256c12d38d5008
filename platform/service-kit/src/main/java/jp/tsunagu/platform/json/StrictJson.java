package jp.tsunagu.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Function;

/**
 * JSON is read strictly, the same way in every service: wrong input is refused, never coerced. No
 * number becomes a string or a date ({@code assessedOn: 12345} is not 2003-10-20), no string a number
 * or a boolean, no ordinal or padded text an enum; a duplicate key or anything after the document is
 * an error; text may not carry NUL (PostgreSQL cannot store it); dates and timestamps only in the
 * contract's ISO formats and within {@link Dates}' years. Runs after Quarkus' own modules, so that
 * these readers replace theirs.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the one way through the customizer
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        SimpleModule strict = new SimpleModule("tsunagu-strict-json");
        strict.addDeserializer(String.class, new Text());
        strict.addDeserializer(boolean.class, new PrimitiveBoolean());
        strict.addDeserializer(LocalDate.class, new Temporal<>(LocalDate.class, Dates::date));
        strict.addDeserializer(OffsetDateTime.class, new Temporal<>(OffsetDateTime.class, Dates::timestamp));
        strict.addDeserializer(Instant.class, new Temporal<>(Instant.class, Dates::instant));
        strict.addDeserializer(YearMonth.class, new Temporal<>(YearMonth.class, Dates::month));
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnum(deserializer);
            }
        });
        mapper.registerModule(strict);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** A JSON string, without NUL. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            if (text.indexOf('\u0000') >= 0) {
                throw new RejectedValueException(p, String.class, "must not contain the NUL character (\\u0000)");
            }
            return text;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /**
     * A {@code boolean}: {@code true} or {@code false}, and {@code false} when absent; an explicit
     * {@code null} is refused rather than read as {@code false} (FAIL_ON_NULL_FOR_PRIMITIVES would
     * refuse an absent one too).
     */
    static final class PrimitiveBoolean extends StdScalarDeserializer<Boolean> {

        PrimitiveBoolean() {
            super(boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                return p.hasToken(JsonToken.VALUE_TRUE);
            }
            return (Boolean) ctxt.handleUnexpectedToken(boolean.class, p);
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw InvalidNullException.from(ctxt, null, ctxt.constructType(boolean.class));
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Boolean.FALSE;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return Boolean.FALSE;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Boolean;
        }
    }

    /** A date or timestamp from a JSON string in its one ISO format, within the years {@link Dates} allows. */
    static final class Temporal<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, Optional<T>> parse;

        Temporal(Class<T> type, Function<String, Optional<T>> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            Optional<T> value = parse.apply(text);
            if (value.isEmpty()) {
                throw InvalidFormatException.from(p, "not " + Expectations.of(handledType()), text, handledType());
            }
            return value.get();
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** An enum constant only from its exact name: no number, no padding (Jackson would trim it). */
    static final class ExactEnum extends DelegatingDeserializer {

        ExactEnum(JsonDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ExactEnum(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            if (!text.equals(text.strip())) {
                throw InvalidFormatException.from(p, "padded enum value", text, handledType());
            }
            return super.deserialize(p, ctxt);
        }
    }
}
