package jp.tsunagu.platform.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on a resource method what it audits: the action (e.g. {@code case.read}) and the kind
 * of object. The object id is the parameter marked {@link AuditObjectId}, or for a create the id
 * of the answered object ({@link Identified}). The entry is written in the transaction of the
 * act itself; a refused act (404/403) is recorded as DENIED.
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
