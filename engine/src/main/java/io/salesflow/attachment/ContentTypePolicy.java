package io.salesflow.attachment;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what type an uploaded file is, and whether it may be kept: its name's extension names the type (a
 * name without one is refused: whoever downloads the file later goes by its name); that type must be allowed,
 * and the declared type and the content's signature must agree with it. An {@code .exe} renamed to
 * {@code .pdf}, or HTML sent as text, is refused.
 */
final class ContentTypePolicy {

    private static final Set<String> UNSPECIFIC = Set.of("", "application/octet-stream", "binary/octet-stream");

    private final Set<AttachmentType> allowed;

    ContentTypePolicy(List<String> allowedTypes) {
        Set<AttachmentType> types = EnumSet.noneOf(AttachmentType.class);
        allowedTypes.forEach(t -> types.add(AttachmentType.ofMediaType(t).orElseThrow()));
        this.allowed = Set.copyOf(types);
    }

    /** The type of the file, or a 415 naming the file saying why it is refused. */
    AttachmentType check(String filename, String declaredType, Signature signature) {
        if (signature.dangerous()) {
            throw UploadProblems.unsupported("the content is " + signature.description() + ", which is never accepted");
        }
        String extension = extension(filename)
                .orElseThrow(() -> UploadProblems.unsupported(
                        "needs a name with the extension of its type; accepted: " + accepted()));
        Optional<String> declared = declared(declaredType);
        AttachmentType type = AttachmentType.ofExtension(extension)
                .orElseThrow(() -> UploadProblems.unsupported(
                        "files ending in ." + extension + " are not accepted; accepted: " + accepted()));
        if (!allowed.contains(type)) {
            throw UploadProblems.unsupported(type.mediaType() + " is not accepted; accepted: " + accepted());
        }
        if (declared.isPresent() && !type.isDeclaredAs(declared.get())) {
            throw UploadProblems.unsupported(
                    "was sent as " + declared.get() + ", which does not match a ." + extension + " file");
        }
        if (!type.matches(signature)) {
            throw UploadProblems.unsupported(
                    "the content is " + signature.description() + ", not a ." + extension + " file");
        }
        return type;
    }

    private static Optional<String> extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot <= 0 || dot == filename.length() - 1
                ? Optional.empty()
                : Optional.of(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Optional<String> declared(String declaredType) {
        if (declaredType == null) {
            return Optional.empty();
        }
        int parameters = declaredType.indexOf(';');
        String type = (parameters < 0 ? declaredType : declaredType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
        return UNSPECIFIC.contains(type) ? Optional.empty() : Optional.of(type);
    }

    private String accepted() {
        return allowed.stream()
                .sorted()
                .flatMap(t -> t.extensions().stream())
                .map(e -> "." + e)
                .collect(Collectors.joining(", "));
    }
}
