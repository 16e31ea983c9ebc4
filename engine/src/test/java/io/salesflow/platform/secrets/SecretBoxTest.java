package io.salesflow.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final SecretBox box = new SecretBox(new SecretProperties(KEY, Path.of("unused")));

    @Test
    void aSealedSecretOpensOnlyInItsContextAndNeverShowsInTheSealedBytes() {
        byte[] sealed = box.seal("smtp-password-123", "email-sender:acme");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("smtp-password-123");
        assertThat(box.open(sealed, "email-sender:acme")).isEqualTo("smtp-password-123");
        assertThatThrownBy(() -> box.open(sealed, "email-sender:globex")).isInstanceOf(IllegalArgumentException.class);
        assertThat(box.seal("smtp-password-123", "email-sender:acme")).isNotEqualTo(sealed);
    }

    @Test
    void anAlteredValueOrAnotherKeyDoesNotOpen() {
        byte[] sealed = box.seal("token", "twilio:acme");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(altered, "twilio:acme")).isInstanceOf(IllegalArgumentException.class);

        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        SecretBox other =
                new SecretBox(new SecretProperties(Base64.getEncoder().encodeToString(otherKey), Path.of("unused")));
        assertThatThrownBy(() -> other.open(sealed, "twilio:acme")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open(new byte[] {1, 2, 3}, "twilio:acme"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/secrets.key");
        byte[] sealed = new SecretBox(new SecretProperties("", file)).seal("s", "c");
        assertThat(Files.readString(file).strip()).hasSize(44);
        assertThat(new SecretBox(new SecretProperties("", file)).open(sealed, "c"))
                .isEqualTo("s");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedAtStart() {
        assertThatThrownBy(() -> new SecretBox(new SecretProperties("c2hvcnQ=", Path.of("unused"))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretBox(new SecretProperties("not base64!", Path.of("unused"))))
                .hasMessageContaining("base64");
    }
}
