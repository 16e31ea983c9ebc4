package io.salesflow.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The file types Salesflow can recognise: each with its media type, the file name extensions and other media
 * types browsers send for it, and the signatures its content may have. Only these can be allowed.
 */
enum AttachmentType {
    PDF("application/pdf", List.of("pdf"), Set.of("application/x-pdf"), Set.of(Signature.PDF)),
    PNG("image/png", List.of("png"), Set.of(), Set.of(Signature.PNG)),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), Set.of("image/jpg", "image/pjpeg"), Set.of(Signature.JPEG)),
    GIF("image/gif", List.of("gif"), Set.of(), Set.of(Signature.GIF)),
    WEBP("image/webp", List.of("webp"), Set.of(), Set.of(Signature.WEBP)),
    TEXT("text/plain", List.of("txt", "text", "log"), Set.of("text/x-log"), Set.of(Signature.TEXT, Signature.MESSAGE)),
    // Windows names the type of .csv files after Excel when it is installed.
    CSV(
            "text/csv",
            List.of("csv"),
            Set.of(
                    "application/csv",
                    "text/x-csv",
                    "text/comma-separated-values",
                    "application/vnd.ms-excel",
                    "text/plain"),
            Set.of(Signature.TEXT, Signature.MESSAGE)),
    DOCX(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            List.of("docx"),
            Set.of(),
            Set.of(Signature.WORD)),
    XLSX(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            List.of("xlsx"),
            Set.of(),
            Set.of(Signature.EXCEL)),
    PPTX(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            List.of("pptx"),
            Set.of(),
            Set.of(Signature.POWERPOINT)),
    DOC("application/msword", List.of("doc"), Set.of(), Set.of(Signature.OLE2)),
    XLS("application/vnd.ms-excel", List.of("xls"), Set.of(), Set.of(Signature.OLE2)),
    PPT("application/vnd.ms-powerpoint", List.of("ppt"), Set.of(), Set.of(Signature.OLE2)),
    EML("message/rfc822", List.of("eml"), Set.of(), Set.of(Signature.MESSAGE)),
    ZIP(
            "application/zip",
            List.of("zip"),
            Set.of("application/x-zip-compressed"),
            Set.of(Signature.ZIP, Signature.WORD, Signature.EXCEL, Signature.POWERPOINT));

    private final String mediaType;
    private final List<String> extensions;
    private final Set<String> otherMediaTypes;
    private final Set<Signature> signatures;

    AttachmentType(String mediaType, List<String> extensions, Set<String> otherMediaTypes, Set<Signature> signatures) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.otherMediaTypes = otherMediaTypes;
        this.signatures = signatures;
    }

    String mediaType() {
        return mediaType;
    }

    List<String> extensions() {
        return extensions;
    }

    /** Whether a client that declared {@code declared} (lower case, without parameters) meant this type. */
    boolean isDeclaredAs(String declared) {
        return mediaType.equals(declared) || otherMediaTypes.contains(declared);
    }

    boolean matches(Signature signature) {
        return signatures.contains(signature);
    }

    static Optional<AttachmentType> ofMediaType(String mediaType) {
        String wanted = mediaType.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(wanted)).findFirst();
    }

    static Optional<AttachmentType> ofExtension(String extension) {
        String wanted = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.extensions.contains(wanted))
                .findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(AttachmentType::mediaType).collect(Collectors.joining(", "));
    }
}
