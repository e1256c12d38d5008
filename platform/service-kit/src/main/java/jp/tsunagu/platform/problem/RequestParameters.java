package jp.tsunagu.platform.problem;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Optional;

/**
 * The name a resource method's parameter has on the wire ({@code @QueryParam("from")} is
 * {@code from}), so that a violation on the parameter itself names what the caller sent. The body
 * and any parameter without such an annotation have none.
 */
final class RequestParameters {

    private RequestParameters() {
    }

    static Optional<String> httpName(Class<?> resource, String method, int index, Object[] arguments) {
        if (resource == null || arguments == null) {
            return Optional.empty();
        }
        if (index < 0 || index >= arguments.length) {
            return Optional.empty();
        }
        // up the hierarchy: an intercepted bean's generated subclass overrides the method without its annotations
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            Optional<String> name = Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> m.getName().equals(method) && m.getParameterCount() == arguments.length)
                    .flatMap(m -> Arrays.stream(m.getParameterAnnotations()[index]))
                    .map(RequestParameters::nameOf).flatMap(Optional::stream).findFirst();
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nameOf(Annotation annotation) {
        return switch (annotation) {
            case QueryParam q -> Optional.of(q.value());
            case PathParam p -> Optional.of(p.value());
            case HeaderParam h -> Optional.of(h.value());
            case CookieParam c -> Optional.of(c.value());
            case FormParam f -> Optional.of(f.value());
            default -> Optional.empty();
        };
    }
}
