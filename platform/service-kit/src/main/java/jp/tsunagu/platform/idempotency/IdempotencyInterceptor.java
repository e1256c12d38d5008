package jp.tsunagu.platform.idempotency;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.util.Optional;

/**
 * Implements {@link Idempotent}: claims the key before the method, answers a replay instead of
 * running it again, and after it keeps the answer (or releases a key whose act did not commit).
 * Runs after Bean Validation (a request with invalid fields claims nothing).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {

    private final Idempotency idempotency;
    private final TransactionSynchronizationRegistry transactions;

    IdempotencyInterceptor(Idempotency idempotency, TransactionSynchronizationRegistry transactions) {
        this.idempotency = idempotency;
        this.transactions = transactions;
    }

    @AroundInvoke
    Object once(InvocationContext context) throws Exception {
        if (!Response.class.equals(context.getMethod().getReturnType())) {
            throw new IllegalStateException("@Idempotent " + context.getMethod() + " must return a Response");
        }
        String key = keyOf(context);
        if (key == null) {
            return context.proceed();
        }
        if (transactions.getTransactionKey() != null) {
            throw new IllegalStateException("@Idempotent " + context.getMethod()
                    + " runs inside a transaction: its answer could be kept before the act commits");
        }
        Idempotency.Claim claim = idempotency.claim(key, bodyOf(context));
        Optional<Response> earlier = claim.earlier();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Response response;
        try {
            response = (Response) context.proceed();
        } catch (Exception | Error e) {
            idempotency.release(claim);
            throw e;
        }
        if (response.getStatus() >= 500) {
            idempotency.release(claim);
        } else {
            idempotency.complete(claim, response);
        }
        return response;
    }

    private static String keyOf(InvocationContext context) {
        Annotation[][] annotations = context.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof HeaderParam header && header.value().equalsIgnoreCase(Idempotency.HEADER)) {
                    return (String) context.getParameters()[i];
                }
            }
        }
        throw new IllegalStateException("@Idempotent " + context.getMethod()
                + " declares no @HeaderParam(Idempotency.HEADER) parameter");
    }

    /** The request body: the one parameter JAX-RS fills from the entity (no JAX-RS annotation). */
    private static Object bodyOf(InvocationContext context) {
        Annotation[][] annotations = context.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean fromRequestParts = false;
            for (Annotation annotation : annotations[i]) {
                String type = annotation.annotationType().getName();
                fromRequestParts |= type.startsWith("jakarta.ws.rs.") || type.startsWith("org.jboss.resteasy.reactive.");
            }
            if (!fromRequestParts) {
                return context.getParameters()[i];
            }
        }
        return null;
    }
}
