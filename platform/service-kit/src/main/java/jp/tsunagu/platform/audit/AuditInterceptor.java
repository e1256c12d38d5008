package jp.tsunagu.platform.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jp.tsunagu.platform.problem.ForbiddenException;
import jp.tsunagu.platform.problem.NotFoundException;

import java.lang.annotation.Annotation;

/**
 * Implements {@link Audited}. Runs inside the service's transaction (its priority places it within
 * the {@code @Transactional} interceptor's, which is at {@code PLATFORM_BEFORE + 200}); it never
 * begins one, and refuses to run without one. The entry is written in the act's transaction, then
 * {@link ActRecorded} is fired in it. A refused act is recorded as DENIED in a short transaction of
 * its own, since the act's own rolls back.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditInterceptor {

    private final AuditTrail trail;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<ActRecorded> recorded;

    AuditInterceptor(AuditTrail trail, TransactionSynchronizationRegistry transactions, Event<ActRecorded> recorded) {
        this.trail = trail;
        this.transactions = transactions;
        this.recorded = recorded;
    }

    @AroundInvoke
    Object audit(InvocationContext context) throws Exception {
        Audited audited = binding(context);
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("@Audited " + context.getMethod()
                    + " runs outside a transaction: audit @Transactional service methods, not resources");
        }
        Object objectId = objectIdOf(context);
        Object result;
        try {
            result = context.proceed();
        } catch (NotFoundException | ForbiddenException | io.quarkus.security.ForbiddenException refused) {
            trail.recordApart(audited.action(), audited.objectType(), objectId, AuditOutcome.DENIED);
            throw refused;
        }
        Object id = objectId != null ? objectId : idOf(result);
        trail.record(audited.action(), audited.objectType(), id, AuditOutcome.SUCCESS);
        recorded.fire(new ActRecorded(audited.action(), audited.objectType(), id == null ? null : id.toString()));
        return result;
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
        return result instanceof Identified identified ? identified.id() : null;
    }
}
