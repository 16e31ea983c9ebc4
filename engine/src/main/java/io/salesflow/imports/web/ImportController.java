package io.salesflow.imports.web;

import io.salesflow.imports.ImportView;
import io.salesflow.imports.Imports;
import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports over HTTP: upload a file to start one, then follow it, read its errors, download its failed rows. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
@Validated
class ImportController {

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start an import: multipart file, recordType, optional mapping (JSON), dryRun, duplicates")
    ResponseEntity<ImportView> start(
            @RequestPart(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String mapping,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String duplicates,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey)
            throws IOException {
        MultipartFile file = files == null || files.isEmpty() ? null : files.get(0);
        ImportView.Started started = imports.start(new ImportView.Upload(
                recordType,
                file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(),
                mapping,
                dryRun,
                duplicates,
                idempotencyKey,
                files == null ? 0 : files.size()));
        ResponseEntity.BodyBuilder response = ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + started.job().id()));
        if (started.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(started.job());
    }

    @GetMapping
    CursorPage<ImportView> list(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return imports.list(cursor, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress: status, totalRows, processedRows, imported, merged, skipped, failed, percent")
    ImportView get(@PathVariable UUID id) {
        return imports.get(id);
    }

    @GetMapping("/{id}/errors")
    @Operation(summary = "Rows that were not imported: row, field, column, message")
    CursorPage<ImportView.RowErrorView> errors(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return imports.errors(id, cursor, limit);
    }

    @GetMapping(value = "/{id}/failed-rows", produces = "text/csv")
    @Operation(summary = "The failed rows as CSV in the file's columns plus an error column")
    void failedRows(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ImportView job = imports.get(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("failed-rows-" + job.id() + ".csv")
                        .build()
                        .toString());
        imports.failedRows(id, response.getWriter());
    }

    @PostMapping("/{id}/cancel")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The import has finished")
    ImportView cancel(@PathVariable UUID id) {
        return imports.cancel(id);
    }
}
