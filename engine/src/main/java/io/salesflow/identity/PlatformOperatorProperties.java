package io.salesflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation's platform operator: the one login outside every workspace, and the only one that reaches
 * the engine's own REST API, Cockpit and the operations endpoints. Set at installation; unset, nobody reaches them
 * (with demo data on, the demo operator stands in).
 *
 * @param username sign-in name: lower-case letters, digits and dashes, 3 to 40 characters
 * @param passwordHash the password as a Spring Security delegating hash, e.g. {@code {bcrypt}$2a$10$...}
 * @param password the password in clear text, hashed at start: for development only; {@code passwordHash} wins
 */
@ConfigurationProperties("salesflow.platform.operator")
public record PlatformOperatorProperties(
        @DefaultValue("") String username, @DefaultValue("") String passwordHash, @DefaultValue("") String password) {}
