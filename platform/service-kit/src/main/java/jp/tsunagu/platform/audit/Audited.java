package jp.tsunagu.platform.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on a service method the act it performs: the action (e.g. {@code case.read}) and the
 * kind of object. Every act on sensitive content is one, reads too. The object id is the parameter
 * marked {@link AuditObjectId}, or for a create the id of the result ({@link Identified}). The
 * method must run in a transaction ({@code @Transactional} on the service): the entry is written
 * in the transaction of the act itself. A refused act (404/403) is recorded as DENIED.
 * <p>
 * Calls within one bean are intercepted too: an audited method that looks something up for itself
 * uses a private method, not another audited one, or the act leaves two entries.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    @Nonbinding
    String action() default "";

    @Nonbinding
    String objectType() default "";
}
