package io.salesflow.attachment;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what type an uploaded file is, and whether it may be kept: its name's extension (or else the type
 * the client declared, or else its content) names the type; that type must be allowed, and the declared
 * type and the content's signature must agree with it. An {@code .exe} renamed to {@code .pdf}, or HTML sent
 * as text, is refused.
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
        Optional<String> extension = extension(filename);
        Optional<String> declared = declared(declaredType);
        AttachmentType type;
        if (extension.isPresent()) {
            type = AttachmentType.ofExtension(extension.get())
                    .orElseThrow(() -> UploadProblems.unsupported(
                            "files ending in ." + extension.get() + " are not accepted; accepted: " + accepted()));
        } else if (declared.isPresent()) {
            type = AttachmentType.ofMediaType(declared.get())
                    .or(() -> otherNameOf(declared.get()))
                    .orElseThrow(() ->
                            UploadProblems.unsupported(declared.get() + " is not accepted; accepted: " + accepted()));
        } else {
            type = AttachmentType.ofSignature(signature)
                    .orElseThrow(() -> UploadProblems.unsupported(
                            "its type cannot be told from its content: name the file with its extension"));
        }
        if (!allowed.contains(type)) {
            throw UploadProblems.unsupported(type.mediaType() + " is not accepted; accepted: " + accepted());
        }
        if (declared.isPresent() && !type.isDeclaredAs(declared.get())) {
            throw UploadProblems.unsupported("was sent as " + declared.get() + ", which does not match "
                    + extension.map(e -> "a ." + e + " file").orElse(type.mediaType()));
        }
        if (!type.matches(signature)) {
            throw UploadProblems.unsupported("the content is " + signature.description() + ", not "
                    + extension.map(e -> "a ." + e + " file").orElse(type.mediaType()));
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

    private static Optional<AttachmentType> otherNameOf(String declared) {
        return EnumSet.allOf(AttachmentType.class).stream()
                .filter(t -> t.isDeclaredAs(declared))
                .findFirst();
    }

    private String accepted() {
        return allowed.stream()
                .sorted()
                .flatMap(t -> t.extensions().stream())
                .map(e -> "." + e)
                .collect(Collectors.joining(", "));
    }
}
