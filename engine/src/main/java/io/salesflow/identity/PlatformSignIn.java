package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Signs in the platform operator. The per-address login limit and the {@link LoginThrottle} apply as they do to
 * workspace logins (under a workspace name no workspace can have); there is no workspace to keep security events
 * in, so attempts go to the log with the client address.
 */
@Service
public class PlatformSignIn {

    private static final Logger log = LoggerFactory.getLogger(PlatformSignIn.class);

    private final PlatformOperators operators;
    private final AccessTokens accessTokens;
    /** Workspace slugs start with a letter: this one is nobody's. */
    private static final String THROTTLE_SCOPE = "-platform";

    private final SignIn signIn;
    private final LoginThrottle throttle;
    private final PasswordChecks passwords;
    private final AuthProperties properties;

    PlatformSignIn(
            PlatformOperators operators,
            AccessTokens accessTokens,
            SignIn signIn,
            LoginThrottle throttle,
            PasswordChecks passwords,
            AuthProperties properties) {
        this.signIn = signIn;
        this.throttle = throttle;
        this.passwords = passwords;
        this.properties = properties;
        this.operators = operators;
        this.accessTokens = accessTokens;
    }

    /** An access token for the operator, valid for the access-token lifetime; there is no refresh. */
    public PlatformTokens signIn(String username, String password) {
        String address =
                RequestContext.metadata().map(RequestMetadata::ipAddress).orElse(null);
        signIn.checkAddressLimit(address);
        LoginThrottle.Claim claim = throttle.claim(THROTTLE_SCOPE, username, address);
        if (claim.refused()) {
            log.warn("Platform operator sign-in for '{}' from {} waits (throttled)", printable(username), address);
            throw LoginThrottle.refusal(claim);
        }
        Caller operator;
        try {
            operator = operators.signIn(username, password, passwords);
        } catch (Problem p) {
            log.warn("Platform operator sign-in failed for '{}' from {}", printable(username), address);
            throw p;
        }
        throttle.signedIn(THROTTLE_SCOPE, username, address);
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
