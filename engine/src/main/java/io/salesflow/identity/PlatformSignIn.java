package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Signs in the platform operator. There is no workspace to keep security events in, so attempts go to the log
 * (with the client address); the per-address login cap applies as it does to workspace logins.
 */
@Service
public class PlatformSignIn {

    private static final Logger log = LoggerFactory.getLogger(PlatformSignIn.class);

    private final PlatformOperators operators;
    private final AccessTokens accessTokens;
    private final LoginRateLimiter limiter;
    private final AuthProperties properties;

    PlatformSignIn(
            PlatformOperators operators,
            AccessTokens accessTokens,
            LoginRateLimiter limiter,
            AuthProperties properties) {
        this.properties = properties;
        this.operators = operators;
        this.accessTokens = accessTokens;
        this.limiter = limiter;
    }

    /** An access token for the operator, valid for the access-token lifetime; there is no refresh. */
    public PlatformTokens signIn(String username, String password) {
        String address =
                RequestContext.metadata().map(RequestMetadata::ipAddress).orElse(null);
        limiter.check(address);
        Caller operator;
        try {
            operator = operators.signIn(username, password);
        } catch (Problem p) {
            log.warn("Platform operator sign-in failed for '{}' from {}", printable(username), address);
            throw p;
        }
        log.info("Platform operator '{}' signed in from {}", operator.name(), address);
        AccessTokens.Issued issued = accessTokens.issuePlatform(operator.principalId(), operator.name());
        return new PlatformTokens(
                issued.token(), "Bearer", properties.accessTokenTtl().toSeconds());
    }

    private static String printable(String value) {
        String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** What a platform sign-in returns: a bearer token and how many seconds it lives. */
    public record PlatformTokens(String accessToken, String tokenType, long expiresIn) {}
}
