package io.salesflow.hooks;

import java.util.function.UnaryOperator;

/**
 * A vendor's call to {@code /hooks/{tenant}/{endpoint}} as it arrived.
 *
 * @param url the full URL the vendor called, query included (what Twilio signs)
 * @param header the request's header of a name, or null
 * @param body the raw body, read up to the limit
 * @param oversized whether the body was over the limit (then {@code body} is not all of it)
 */
public record InboundCall(
        String tenantSlug,
        String endpointSlug,
        String url,
        String contentType,
        UnaryOperator<String> header,
        byte[] body,
        boolean oversized) {

    boolean form() {
        return contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
