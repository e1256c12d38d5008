package jp.tsunagu.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.http.RequestIds;
import jp.tsunagu.platform.json.JsonErrors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one place where failures become HTTP answers: every error is problem+json, never a stack
 * trace. Domain exceptions carry their {@link ProblemKind}; framework exceptions are translated here.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final RoleRefusalWitness refusals;

    ProblemMapper(RoleRefusalWitness refusals) {
        this.refusals = refusals;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpServerRequest request) {
        Problem body = body(e.kind(), e.getMessage(), request, e.violations().isEmpty() ? null : e.violations(),
                e.currentVersion().orElse(null), e.allowedMoves().orElse(null));
        return Response.status(e.kind().status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Violation(fieldOf(violation), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field));
        return problem(ProblemKind.INVALID_REQUEST, "The request has invalid fields", request, violations, null);
    }

    /** The body's field that cannot be read, with what was expected there. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return problem(ProblemKind.INVALID_REQUEST, "The body is not valid JSON for this resource", request,
                List.of(JsonErrors.violation(e)), null);
    }

    /** More specific than {@link #json}: takes precedence over the framework's own mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    /** Refused by role before any service method ran: answered once the refusal is written down. */
    @ServerExceptionMapper
    public Uni<Response> forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return refusals.refused(request)
                .map(written -> problem(ProblemKind.FORBIDDEN, "Your role does not allow this", request, null, null))
                .onFailure().recoverWithItem(failure -> unexpected(failure, request));
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, HttpServerRequest request) {
        return concurrentChange(request);
    }

    /** A unique key the request collides with (e.g. a client-made id used twice). */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        if (e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return problem(ProblemKind.CONFLICT, "It already exists", request, null, null);
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        // a body or parameter that could not be read arrives wrapped (400 or 404 with the reason as cause)
        if (e.getCause() instanceof JsonProcessingException || e.getCause() instanceof DomainException) {
            return known(e.getCause(), request).orElseThrow();
        }
        ProblemKind kind = ProblemKind.ofStatus(e.getResponse().getStatus());
        String detail = switch (kind) {
            case NOT_FOUND -> "No resource at " + request.path();
            case METHOD_NOT_ALLOWED -> request.method() + " is not allowed on " + request.path();
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
            case NOT_ACCEPTABLE -> "This resource answers application/json";
            default -> kind.title();
        };
        Response.ResponseBuilder response = Response.fromResponse(problem(kind, detail, request, null, null));
        if (kind == ProblemKind.METHOD_NOT_ALLOWED && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.status(e.getResponse().getStatus()).build();
    }

    /**
     * Anything else; a known failure may come wrapped, e.g. an optimistic lock failing at commit arrives
     * as ArcUndeclaredThrowableException &lt;- RollbackException &lt;- OptimisticLockException: the
     * first known cause answers.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            Optional<Response> known = known(cause, request);
            if (known.isPresent()) {
                return known.get();
            }
        }
        // no message: it may quote data (SQL values, input); the classes and frames find the fault
        LOG.errorf("unexpected failure on %s %s: %s", request.method(), request.path(), Failures.describe(e));
        return problem(ProblemKind.INTERNAL, "Something went wrong on our side; the request id helps us find it",
                request, null, null);
    }

    private Response unauthenticated(HttpServerRequest request) {
        return Response.fromResponse(problem(ProblemKind.UNAUTHENTICATED, "Send a valid bearer token", request, null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tsunagu\"").build();
    }

    /** Builds the response for a kind; also used outside JAX-RS (body size limit). */
    public static Response problem(ProblemKind kind, String detail, HttpServerRequest request,
                                   List<Violation> violations, Long currentVersion) {
        return Response.status(kind.status()).type(Problem.MEDIA_TYPE)
                .entity(body(kind, detail, request, violations, currentVersion, null)).build();
    }

    private static Problem body(ProblemKind kind, String detail, HttpServerRequest request, List<Violation> violations,
                                Long currentVersion, List<String> allowedMoves) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail,
                request == null ? null : request.path(), request == null ? null : RequestIds.of(request),
                violations, currentVersion, allowedMoves);
    }

    /**
     * The field a violation names: a query, path or header parameter by its HTTP name (a missing
     * {@code from} is {@code from}); else the body's field, as {@link #fieldPath} reads it.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        Path.ParameterNode parameter = null;
        boolean deeper = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.as(Path.ParameterNode.class);
            } else if (parameter != null) {
                deeper = true;
            }
        }
        if (parameter != null && !deeper) {
            Optional<String> name = RequestParameters.httpName(violation.getRootBeanClass(), methodOf(violation),
                    parameter.getParameterIndex(), violation.getExecutableParameters());
            if (name.isPresent()) {
                return name.get();
            }
        }
        return fieldPath(violation.getPropertyPath());
    }

    private static String methodOf(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                return node.getName();
            }
        }
        return "";
    }

    /** {@code household[0].relation}, from a Bean Validation path without method and parameter. */
    private static String fieldPath(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
            if (node.isInIterable() && position != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                parts.add(node.getName());
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    /** The answer to a failure this mapper knows, if it is one. */
    private Optional<Response> known(Throwable e, HttpServerRequest request) {
        if (e instanceof DomainException domain) {
            return Optional.of(domain(domain, request));
        }
        if (e instanceof JsonProcessingException json) {
            return Optional.of(json(json, request));
        }
        if (e instanceof ConstraintViolationException validation) {
            return Optional.of(validation(validation, request));
        }
        if (e instanceof OptimisticLockException || e instanceof org.hibernate.StaleStateException
                || e instanceof jakarta.persistence.PessimisticLockException
                || e instanceof org.hibernate.exception.LockAcquisitionException
                || e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
            // lost an update race, a serialization failure or a deadlock: the client may read and retry
            return Optional.of(concurrentChange(request));
        }
        if (e instanceof org.hibernate.exception.ConstraintViolationException constraint
                && constraint.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return Optional.of(constraint(constraint, request));
        }
        if (DatabaseUnreachable.is(e)) {
            // the database is down or restarting: nothing was done, the same request may be sent again
            LOG.warnf("database unreachable on %s %s: %s", request.method(), request.path(), e.getClass().getSimpleName());
            return Optional.of(Response.fromResponse(problem(ProblemKind.UNAVAILABLE,
                            "The database cannot be reached just now; send the request again shortly", request, null, null))
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnreachable.RETRY_AFTER_SECONDS).build());
        }
        if (e instanceof org.hibernate.exception.DataException) {
            // the database refused a value (SQLSTATE class 22): input that validation should have caught
            LOG.warnf("a value reached the database unvalidated on %s %s: %s", request.method(), request.path(),
                    Failures.describe(e));
            return Optional.of(problem(ProblemKind.INVALID_REQUEST, "A value cannot be stored as sent", request, null, null));
        }
        return Optional.empty();
    }

    private Response concurrentChange(HttpServerRequest request) {
        return problem(ProblemKind.CONFLICT, "Changed concurrently by someone else; read it again", request, null, null);
    }
}
