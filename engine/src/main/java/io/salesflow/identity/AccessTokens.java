package io.salesflow.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.salesflow.platform.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies access tokens: HS256 JWTs naming the user, the tenant and the login session, valid
 * for at most 15 minutes; or, for the platform operator, naming the operator and no tenant. Each failure is
 * told apart so the caller learns what to fix.
 */
@Component
class AccessTokens {

    static final String ISSUER = "salesflow";
    private static final String OPERATOR_CLAIM = "platform_operator";
    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    private final byte[] secret;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokens(AuthProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (properties.jwtSecret().isBlank()) {
            log.warn("salesflow.auth.jwt-secret is not set: using a random key, valid for this process only");
            this.secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            this.secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalArgumentException("salesflow.auth.jwt-secret must be at least 32 bytes");
            }
        }
    }

    /**
     * What a verified token says. A workspace user's token names tenant and session; the platform operator's
     * names only the operator ({@code operator} is their username, null for everyone else).
     */
    record Claims(UUID userId, UUID tenantId, String tenantSlug, UUID sessionId, String operator) {

        boolean platform() {
            return operator != null;
        }
    }

    record Issued(String token, Instant expiresAt) {}

    Issued issue(UUID userId, UUID tenantId, String tenantSlug, UUID sessionId) {
        return sign(userId, claims -> claims.claim("tid", tenantId.toString())
                .claim("tenant", tenantSlug)
                .claim("sid", sessionId.toString()));
    }

    /** A platform operator's token: no tenant, no session (it cannot be refreshed; sign in again). */
    Issued issuePlatform(UUID operatorId, String username) {
        return sign(operatorId, claims -> claims.claim(OPERATOR_CLAIM, username));
    }

    private Issued sign(UUID subject, java.util.function.UnaryOperator<JWTClaimsSet.Builder> specific) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.accessTokenTtl());
        JWTClaimsSet claims = specific.apply(new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject(subject.toString())
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(expires))
                        .jwtID(UUID.randomUUID().toString()))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return new Issued(jwt.serialize(), expires);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign access token", e);
        }
    }

    Claims verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw Problem.unauthorized("invalid-token", "The bearer token is not a well-formed JWT");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                throw Problem.unauthorized("invalid-token", "The bearer token's signature is not valid");
            }
        } catch (JOSEException e) {
            throw Problem.unauthorized("invalid-token", "The bearer token's signature is not valid");
        }
        if (!ISSUER.equals(claims.getIssuer())) {
            throw Problem.unauthorized("invalid-token", "The bearer token was not issued by Salesflow");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
            throw Problem.unauthorized("token-expired", "The access token has expired; refresh it or sign in again");
        }
        try {
            String operator = claims.getStringClaim(OPERATOR_CLAIM);
            if (operator != null) {
                if (claims.getClaim("tid") != null || claims.getClaim("sid") != null) {
                    throw new IllegalArgumentException("A platform token names no tenant");
                }
                return new Claims(UUID.fromString(claims.getSubject()), null, null, null, operator);
            }
            return new Claims(
                    UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getStringClaim("tid")),
                    claims.getStringClaim("tenant"),
                    UUID.fromString(claims.getStringClaim("sid")),
                    null);
        } catch (ParseException | RuntimeException e) {
            throw Problem.unauthorized("invalid-token", "The bearer token lacks its user, tenant or session");
        }
    }
}
