package jp.tsunagu.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.problem.ForbiddenException;
import jp.tsunagu.platform.problem.NotFoundException;

import java.lang.annotation.Annotation;

/**
 * Implements {@link Audited}: runs the method in a transaction (joined by the service's own), and
 * writes the audit entry in it, so the act and its trace commit or roll back together.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditInterceptor {

    private final AuditTrail trail;

    AuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @AroundInvoke
    Object audit(InvocationContext context) throws Exception {
        Audited audited = binding(context);
        Object objectId = objectIdOf(context);
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Object result = proceed(context);
                trail.record(audited.action(), audited.objectType(),
                        objectId != null ? objectId : idOf(result), AuditOutcome.SUCCESS);
                return result;
            });
        } catch (NotFoundException | ForbiddenException | io.quarkus.security.ForbiddenException refused) {
            trail.recordApart(audited.action(), audited.objectType(), objectId, AuditOutcome.DENIED);
            throw refused;
        }
    }

    private static Object proceed(InvocationContext context) {
        try {
            return context.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Audited binding(InvocationContext context) {
        for (Annotation annotation : context.getInterceptorBindings()) {
            if (annotation instanceof Audited audited) {
                return audited;
            }
        }
        throw new IllegalStateException("no @Audited on " + context.getMethod());
    }

    private static Object objectIdOf(InvocationContext context) {
        Annotation[][] annotations = context.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof AuditObjectId) {
                    return context.getParameters()[i];
                }
            }
        }
        return null;
    }

    private static Object idOf(Object result) {
        Object body = result instanceof Response response ? response.getEntity() : result;
        return body instanceof Identified identified ? identified.id() : null;
    }
}
