package io.salesflow.platform.secrets;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that seals secrets stored in the database (SMTP passwords, API tokens, webhook signing secrets).
 *
 * @param key base64 of 32 random bytes ({@code openssl rand -base64 32}); set it in every installation
 * @param keyFile where a key is generated and kept when {@code key} is empty: convenient on one developer machine,
 *     wrong for a cluster (each replica would make its own)
 */
@ConfigurationProperties("salesflow.secrets")
public record SecretProperties(@DefaultValue("") String key, @DefaultValue(".salesflow/secrets.key") Path keyFile) {}
