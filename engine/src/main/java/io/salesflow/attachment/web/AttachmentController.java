package io.salesflow.attachment.web;

import io.salesflow.attachment.Attachment;
import io.salesflow.attachment.Attachments;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files on records of every type ({@code accounts}, {@code contacts}, {@code leads}, {@code deals}, …):
 * upload as multipart part {@code file}, list, read, download and delete. Downloads are always attachments,
 * never rendered by the browser in our origin.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Attachments")
@Validated
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/{collection}/{recordId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (multipart part 'file'); its type must be accepted and match its content")
    ResponseEntity<Attachment> upload(
            @PathVariable String collection,
            @PathVariable UUID recordId,
            @RequestPart(name = "file", required = false) List<MultipartFile> files) {
        Attachment added = attachments.add(
                collection,
                recordId,
                files == null
                        ? List.of()
                        : files.stream()
                                .map(f -> new Attachments.Upload(
                                        f.getOriginalFilename(), f.getContentType(), f.getSize(), f))
                                .toList());
        return ResponseEntity.created(URI.create("/api/v1/attachments/" + added.id()))
                .eTag(added.sha256())
                .body(added);
    }

    @GetMapping("/{collection}/{recordId}/attachments")
    @Operation(summary = "The record's attachments, newest first")
    CursorPage<Attachment> list(
            @PathVariable String collection,
            @PathVariable UUID recordId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return attachments.list(collection, recordId, cursor, limit);
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<Attachment> get(@PathVariable UUID id) {
        Attachment attachment = attachments.get(id);
        return ResponseEntity.ok().eTag(attachment.sha256()).body(attachment);
    }

    @GetMapping("/attachments/{id}/content")
    @Operation(summary = "Download the file; If-None-Match with its ETag answers 304 when you have it")
    ResponseEntity<InputStreamResource> content(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Attachment attachment = attachments.get(id);
        String etag = "\"" + attachment.sha256() + "\"";
        if (ifNoneMatch != null
                && List.of(ifNoneMatch.split(",")).stream()
                        .map(String::trim)
                        .anyMatch(t -> t.equals(etag) || t.equals("W/" + etag) || t.equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(CacheControl.noCache().cachePrivate())
                    .build();
        }
        Attachments.Download download = attachments.download(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.attachment().contentType()))
                .contentLength(download.attachment().size())
                .eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDispositions.attachment(download.attachment().filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(download.content()));
    }

    @DeleteMapping("/attachments/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        attachments.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** A chunked upload Tomcat stopped reading at the route's limit (a declared length is refused earlier). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        Problem problem = attachments.tooLarge();
        ProblemDetail detail = Problems.of(problem);
        detail.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }
}
