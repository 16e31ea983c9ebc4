package io.salesflow.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers every page and API answer carries. Scripts come only from our own origin, never inline,
 * so an injected {@code <script>} does not run; nobody may frame us; no URL (they carry record ids) leaks to other
 * sites as a referrer; the browser features a CRM never needs are off. Camunda's webapps under {@code /camunda/}
 * send a policy of their own (with a nonce for their inline scripts): two policies would both apply and break
 * them, so ours stays off there.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), magnetometer=(), gyroscope=()";

    private SecurityHeaders() {}

    static void configure(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher notCamunda = request -> !request.getRequestURI().startsWith("/camunda/");
        headers.contentTypeOptions(o -> {})
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        notCamunda, new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)));
    }
}
