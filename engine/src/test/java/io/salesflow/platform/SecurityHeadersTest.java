package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages and API answers carry the headers that keep a browser safe: scripts only from our origin and never inline,
 * no framing, no referrer to other sites, no sniffing. Our own pages hold no inline script, so the policy does not
 * break them; Camunda's webapps keep their own policy, and get one policy, not two.
 */
@IntegrationTest
class SecurityHeadersTest {

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    @Autowired
    Api api;

    @Test
    void theWebAppsPagesForbidInlineScriptAndFraming() {
        for (String path : List.of("/", "/platform/", "/swagger-ui/index.html")) {
            Api.Response page = api.get(path).send().expect(200);
            String policy = page.header("Content-Security-Policy").orElseThrow();
            assertThat(directive(policy, "script-src")).as(path).isEqualTo("script-src 'self'");
            assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
            assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
            assertThat(page.header("Referrer-Policy")).contains("same-origin");
            assertThat(page.header("Permissions-Policy").orElseThrow()).contains("camera=()", "geolocation=()");
            assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.header("X-Frame-Options")).contains("DENY");
        }
    }

    @Test
    void ourPagesHoldNoInlineScriptTheirPolicyWouldBlock() {
        for (String path : List.of("/", "/platform/")) {
            String html = api.get(path).send().expect(200).body();
            assertThat(INLINE_SCRIPT.matcher(html).find()).as(path).isFalse();
            assertThat(html).doesNotContainIgnoringCase(" onclick=").doesNotContainIgnoringCase(" onload=");
        }
    }

    @Test
    void theApiKeepsNosniffOnEveryAnswer() {
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/me").send().header("X-Content-Type-Options"))
                .contains("nosniff");
        assertThat(api.get("/api/v1/leads").send().header("X-Content-Type-Options"))
                .contains("nosniff");
    }

    @Test
    void cockpitGetsCamundasPolicyAlone() {
        Api.Response cockpit =
                api.asOperator("GET", "/camunda/app/cockpit/default/").send().expect(200);
        List<String> policies = cockpit.allHeaders("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).doesNotContain("style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    }

    private static String directive(String policy, String name) {
        for (String part : policy.split(";")) {
            if (part.trim().startsWith(name + " ")) {
                return part.trim();
            }
        }
        return "";
    }
}
