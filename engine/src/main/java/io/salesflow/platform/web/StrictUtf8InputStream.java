package io.salesflow.platform.web;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes on bytes only while they are well-formed UTF-8 (RFC 3629): no overlong forms such as {@code C0 AF} for
 * a slash, no encoded surrogates, nothing past U+10FFFF, no sequence cut short. Jackson's own decoder lets
 * overlong forms through. A NUL byte is refused too: JSON text never holds one, and a body with them is UTF-16
 * or UTF-32, which JSON exchanged between systems must not be.
 */
final class StrictUtf8InputStream extends FilterInputStream {

    private long position;
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;

    StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    /** Skipped bytes are read and checked all the same. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    private void check(int b) throws InvalidUtf8 {
        position++;
        if (pending > 0) {
            if (b < low || b > high) {
                throw new InvalidUtf8(
                        String.format("byte 0x%02X at offset %d does not continue a character", b, position - 1));
            }
            pending--;
            low = 0x80;
            high = 0xBF;
            return;
        }
        if (b == 0) {
            throw new InvalidUtf8("a NUL byte at offset " + (position - 1) + " (JSON is UTF-8 text without NUL)");
        } else if (b < 0x80) {
            return;
        } else if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw new InvalidUtf8(String.format("byte 0x%02X at offset %d cannot start a character", b, position - 1));
        }
    }

    private void end() throws InvalidUtf8 {
        if (pending > 0) {
            throw new InvalidUtf8("the body ends inside a character");
        }
    }

    /** Bytes that are not UTF-8; an I/O failure of the body, which the API answers as a malformed body. */
    static final class InvalidUtf8 extends CharConversionException {
        InvalidUtf8(String message) {
            super(message);
        }
    }
}
