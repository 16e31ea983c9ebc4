package io.salesflow.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One pass over a file's content: its size, its SHA-256 and its first bytes (what {@link ContentSniffer}
 * looks at). Reading stops one byte after {@code limit}, so an oversized stream is not read to its end.
 */
record ContentScan(long size, String sha256, byte[] head) {

    static ContentScan of(InputStream content, long limit) throws IOException {
        MessageDigest digest = newDigest();
        byte[] head = new byte[ContentSniffer.HEAD];
        int headLength = 0;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (size <= limit && (n = content.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            int toHead = Math.min(n, head.length - headLength);
            System.arraycopy(buffer, 0, head, headLength, toHead);
            headLength += toHead;
            size += n;
        }
        return new ContentScan(size, HexFormat.of().formatHex(digest.digest()), Arrays.copyOf(head, headLength));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
