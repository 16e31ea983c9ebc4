package io.salesflow.platform.input;

import java.util.HexFormat;
import java.util.Optional;

/**
 * Finds the characters no text field may hold: NUL, which PostgreSQL cannot store in text, and a UTF-16
 * surrogate without its pair, which is no character at all and would be stored as a question mark.
 */
public final class TextFlaws {

    private TextFlaws() {}

    /** What is wrong with {@code value}, as a message to put after the field's name; empty when nothing is. */
    public static Optional<String> find(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return Optional.of("must not contain the NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (\\u"
                        + HexFormat.of().toHexDigits(c) + "): it is no character");
            }
        }
        return Optional.empty();
    }
}
