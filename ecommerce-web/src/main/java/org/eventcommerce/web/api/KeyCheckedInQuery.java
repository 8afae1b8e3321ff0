package org.eventcommerce.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that matches the caller's API key inside its own single statement, so that a hot path
 * costs one database round trip (BENCHMARKS.md, issue 5). {@link ApiKeyFilter} still refuses a request without a
 * well-formed bearer key (401) and hands the key's hash to {@link ApiCaller} unverified; the method must answer
 * 401 ({@link ApiKeyFilter#unauthorized()}) when its statement finds no such key, before anything else, and
 * {@link ApiCaller#site()} / {@link ApiCaller#siteId()} throw until it has called {@code authenticate}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface KeyCheckedInQuery {
}
