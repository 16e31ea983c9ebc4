package io.salesflow.attachment;

import java.text.Normalizer;

/**
 * Makes the name a client gave a file safe to keep and to hand out again: the last path segment only (old
 * browsers send {@code C:\fakepath\…}), no control or bidirectional formatting characters (a right-to-left
 * override can make {@code exe.pdf} look like {@code fdp.exe}), none of the characters file systems refuse,
 * no leading dots or trailing dots and spaces, and at most {@link #MAX_LENGTH} characters with the extension
 * kept.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {}

    /** The safe name; a 400 naming {@code file} when nothing usable is left. */
    static String sanitise(String submitted) {
        if (submitted == null) {
            throw UploadProblems.invalid("needs a file name");
        }
        String name = Normalizer.normalize(submitted, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.UNASSIGNED
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE) {
                return;
            }
            if ("<>:\"|?*".indexOf(c) >= 0) {
                clean.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
            } else {
                clean.appendCodePoint(c);
            }
        });
        String result = clean.toString()
                .replaceAll(" {2,}", " ")
                .replaceFirst("^[.\\s]+", "")
                .replaceFirst("[.\\s]+$", "");
        if (result.isEmpty()) {
            throw UploadProblems.invalid("needs a file name of more than dots, spaces and control characters");
        }
        return shorten(result);
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).stripTrailing() + extension;
    }
}
