package jp.tsunagu.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a creating resource method safe to retry with an {@code Idempotency-Key} (see
 * {@link Idempotency}). The method returns a {@code Response}, declares the key as
 * {@code @HeaderParam(Idempotency.HEADER) String} (which also documents it) and takes the request
 * body as its one parameter without a JAX-RS annotation. It runs outside any transaction and calls
 * one audited act: that act's transaction seals the key (the first act recorded in the request).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
