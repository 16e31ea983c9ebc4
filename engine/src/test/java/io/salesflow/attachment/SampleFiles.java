package io.salesflow.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Contents with the signatures of real files, and arbitrary bytes after them so that round trips prove something. */
public final class SampleFiles {

    private static final Random RANDOM = new Random(42);

    private SampleFiles() {}

    public static byte[] pdf(int size) {
        return withPrefix("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1), size);
    }

    public static byte[] png(int size) {
        return withPrefix(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}, size);
    }

    public static byte[] jpeg(int size) {
        return withPrefix(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'}, size);
    }

    public static byte[] gif() {
        return withPrefix("GIF89a".getBytes(StandardCharsets.US_ASCII), 64);
    }

    public static byte[] webp() {
        byte[] header = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
        return withPrefix(header, 64);
    }

    /** A Windows program: "MZ", then the DOS stub's binary header. */
    public static byte[] exe() {
        byte[] header = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        return withPrefix(header, 4096);
    }

    public static byte[] elf() {
        return withPrefix(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0}, 1024);
    }

    public static byte[] ole2() {
        byte[] header = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        return withPrefix(header, 2048);
    }

    /** An Office Open XML package with the parts Office writes first, under {@code word/}, {@code xl/} or {@code ppt/}. */
    public static byte[] ooxml(String folder) {
        return zip("[Content_Types].xml", "_rels/.rels", folder + "/_rels/document.xml.rels", folder + "/document.xml");
    }

    public static byte[] zip(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("<?xml version=\"1.0\"?><part name=\"" + entry + "\"/>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withPrefix(byte[] prefix, int size) {
        byte[] content = new byte[Math.max(size, prefix.length)];
        RANDOM.nextBytes(content);
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        return content;
    }
}
