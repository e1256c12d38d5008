package jp.tsunagu.platform.http;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.platform.json.Dates;
import jp.tsunagu.platform.json.Expectations;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Query and header parameters are read as strictly as JSON bodies, for every resource method at once:
 * before JAX-RS converts them, each value is checked against its declared Java type, and a wrong one
 * is a 400 naming the parameter and what it must be ({@code from: must be a timestamp with offset...}),
 * not a 404 from the converter, a silent {@code false} for {@code crisis=yes}, or a date the database
 * cannot hold. JAX-RS' own converters for java.time do not consult ParamConverterProviders, hence a
 * filter.
 */
public class ParameterCheck {

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,19}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private record Declared(String name, boolean header, Class<?> type) {
    }

    private final Map<Method, List<Declared>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Declared parameter : declared.computeIfAbsent(method, ParameterCheck::declaredBy)) {
            List<String> values = parameter.header() ? request.getHeaders().get(parameter.name()) : query.get(parameter.name());
            for (String value : values == null ? List.<String>of() : values) {
                problem(parameter.type(), value).ifPresent(message -> violations.add(new Violation(parameter.name(), message)));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    /** What is wrong with a parameter's value for its type, if anything. */
    static Optional<String> problem(Class<?> type, String value) {
        if (value.indexOf('\u0000') >= 0) {
            return Optional.of("must not contain the NUL character (%00)");
        }
        if (accepts(type, value)) {
            return Optional.empty();
        }
        String hint = (type == OffsetDateTime.class || type == Instant.class) && value.contains(" ")
                ? " (write + as %2B in a query)" : "";
        return Optional.of("must be " + Expectations.of(type) + hint);
    }

    private static boolean accepts(Class<?> type, String value) {
        if (type == Integer.class || type == int.class) {
            return WHOLE.matcher(value).matches() && fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Long.class || type == long.class) {
            return WHOLE.matcher(value).matches() && fits(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true".equals(value) || "false".equals(value);
        }
        if (type == UUID.class) {
            return UUID_TEXT.matcher(value).matches();
        }
        if (type == LocalDate.class) {
            return Dates.date(value).isPresent();
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return Dates.timestamp(value).isPresent();
        }
        if (type == YearMonth.class) {
            return Dates.month(value).isPresent();
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
        }
        return true;
    }

    private static boolean fits(String value, long min, long max) {
        try {
            long number = Long.parseLong(value);
            return number >= min && number <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Declared> declaredBy(Method method) {
        List<Declared> found = new ArrayList<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam query) {
                    found.add(new Declared(query.value(), false, valueType(types[i])));
                } else if (annotation instanceof HeaderParam header) {
                    found.add(new Declared(header.value(), true, valueType(types[i])));
                }
            }
        }
        return List.copyOf(found);
    }

    /** {@code LocalDate} for a {@code LocalDate}, and for a {@code List<LocalDate>} or an {@code Optional<LocalDate>}. */
    private static Class<?> valueType(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType generic && generic.getActualTypeArguments().length == 1
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }
}
