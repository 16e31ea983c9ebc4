package io.salesflow.identity;

import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which parts of the embedded engine's API an operator of one workspace may not use. The same resources
 * answer at {@code /engine-rest/...}, {@code /engine-rest/engine/{name}/...} and Cockpit's
 * {@code /camunda/api/engine/engine/{name}/...}; every rule covers all three.
 */
final class EngineApiRules {

    private static final String ENGINE = "^/(engine-rest(/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)";
    private static final String REST = "(/.*)?(\\?.*)?$";

    private EngineApiRules() {}

    /** A user's own profile: Cockpit and Tasklist read it to show who is signed in. */
    static RequestMatcher ownProfile() {
        return RegexRequestMatcher.regexMatcher(HttpMethod.GET, ENGINE + "/user/[^/?]+/profile(\\?.*)?$");
    }

    static AuthorizationDecision isOwnProfile(
            Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        boolean own = auth != null
                && auth.getPrincipal() instanceof Caller caller
                && caller.can(SecurityConfiguration.OPERATE)
                && context.getRequest().getRequestURI().contains("/user/" + caller.principalId() + "/profile");
        return new AuthorizationDecision(own);
    }

    static RequestMatcher platformOnly() {
        return new OrRequestMatcher(
                RegexRequestMatcher.regexMatcher(ENGINE + "/(user|group|tenant|authorization|identity)" + REST),
                RegexRequestMatcher.regexMatcher(HttpMethod.POST, ENGINE + "/deployment" + REST),
                RegexRequestMatcher.regexMatcher(ENGINE + "/(history/cleanup|metrics|schema|telemetry)" + REST),
                RegexRequestMatcher.regexMatcher(HttpMethod.PUT, ENGINE + "/job-definition/[^/]+/suspended" + REST),
                RegexRequestMatcher.regexMatcher(HttpMethod.PUT, ENGINE + "/job-definition/suspended" + REST),
                RegexRequestMatcher.regexMatcher(HttpMethod.PUT, ENGINE + "/job/suspended" + REST));
    }
}
