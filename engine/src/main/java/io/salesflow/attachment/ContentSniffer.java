package io.salesflow.attachment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a file's format from its first bytes: magic numbers for binary formats, the entries of a ZIP for
 * Office documents, and for text the WHATWG MIME sniffing rules' HTML and XML patterns, so that a page or
 * an SVG renamed to {@code .txt} is recognised. The first {@link #HEAD} bytes are enough: Office writes the
 * parts that identify a document first.
 */
final class ContentSniffer {

    static final int HEAD = 64 * 1024;

    private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<String> HTML_TAGS = List.of(
            "<!doctype html",
            "<html",
            "<head",
            "<script",
            "<iframe",
            "<h1",
            "<div",
            "<font",
            "<table",
            "<a",
            "<style",
            "<title",
            "<b",
            "<body",
            "<br",
            "<p",
            "<!--");
    private static final Pattern HEADER_FIELD = Pattern.compile("^[!-9;-~]+:.*");

    private ContentSniffer() {}

    static Signature sniff(byte[] head) {
        if (startsWith(head, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Signature.PDF;
        }
        if (startsWith(head, 0, PNG)) {
            return Signature.PNG;
        }
        if (startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Signature.JPEG;
        }
        if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
            return Signature.GIF;
        }
        if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
            return Signature.WEBP;
        }
        if (startsWith(head, 0, ZIP_ENTRY)) {
            return zip(head);
        }
        if (startsWith(head, 0, OLE2)) {
            return Signature.OLE2;
        }
        if (isText(head)) {
            return text(head);
        }
        if (executable(head)) {
            return Signature.EXECUTABLE;
        }
        return Signature.UNKNOWN;
    }

    /** An Office Open XML document is a ZIP whose parts live under {@code word/}, {@code xl/} or {@code ppt/}. */
    private static Signature zip(byte[] head) {
        for (String name : zipEntryNames(head)) {
            if (name.startsWith("word/")) {
                return Signature.WORD;
            }
            if (name.startsWith("xl/")) {
                return Signature.EXCEL;
            }
            if (name.startsWith("ppt/")) {
                return Signature.POWERPOINT;
            }
        }
        return Signature.ZIP;
    }

    /** The names of the local file headers in the head; entries are found by their signature, not by sizes. */
    private static List<String> zipEntryNames(byte[] head) {
        List<String> names = new ArrayList<>();
        for (int at = 0; at + 30 <= head.length; at++) {
            if (!startsWith(head, at, ZIP_ENTRY)) {
                continue;
            }
            int length = (head[at + 26] & 0xFF) | (head[at + 27] & 0xFF) << 8;
            if (length > 0 && at + 30 + length <= head.length) {
                names.add(new String(head, at + 30, length, StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    /**
     * Text by the WHATWG rule: no binary data bytes (controls other than tab, line feed, form feed, carriage
     * return and escape). A UTF-16 byte order mark makes it text too.
     */
    private static boolean isText(byte[] head) {
        if (head.length >= 2
                && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return true;
        }
        for (byte b : head) {
            if ((b >= 0x00 && b <= 0x08) || b == 0x0B || (b >= 0x0E && b <= 0x1A) || (b >= 0x1C && b <= 0x1F)) {
                return false;
            }
        }
        return true;
    }

    private static Signature text(byte[] head) {
        int from = startsWith(head, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
        String start = new String(head, from, Math.min(head.length - from, 1024), StandardCharsets.UTF_8)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        for (String tag : HTML_TAGS) {
            if (start.startsWith(tag)
                    && start.length() > tag.length()
                    && " >\t\n\r\f".indexOf(start.charAt(tag.length())) >= 0) {
                return Signature.HTML;
            }
        }
        if (start.startsWith("<?xml") || start.startsWith("<svg")) {
            return Signature.XML;
        }
        return looksLikeMessage(start) ? Signature.MESSAGE : Signature.TEXT;
    }

    /** An Internet message starts with header fields, and every message has a From field. */
    private static boolean looksLikeMessage(String start) {
        String[] lines = start.split("\r?\n", -1);
        if (lines.length == 0 || !HEADER_FIELD.matcher(lines[0]).matches()) {
            return false;
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                return false;
            }
            if (line.startsWith("from:")) {
                return true;
            }
        }
        return false;
    }

    private static boolean executable(byte[] head) {
        return startsWith(head, 0, ascii("MZ"))
                || startsWith(head, 0, new byte[] {0x7F, 'E', 'L', 'F'})
                || startsWith(head, 0, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE})
                || startsWith(head, 0, new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE})
                || startsWith(head, 0, new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF})
                || startsWith(head, 0, new byte[] {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE})
                || startsWith(head, 0, new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE});
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
