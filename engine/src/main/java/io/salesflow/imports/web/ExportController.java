package io.salesflow.imports.web;

import io.salesflow.imports.Exports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Record lists as files: {@code GET /api/v1/<records>/export?format=csv|xlsx&<list query>}. */
@RestController
@Tag(name = "Exports")
class ExportController {

    private final Exports exports;

    ExportController(Exports exports) {
        this.exports = exports;
    }

    @GetMapping({"/api/v1/leads/export", "/api/v1/contacts/export", "/api/v1/accounts/export", "/api/v1/deals/export"})
    @Operation(summary = "Export the list query's records (format=csv|xlsx, same filters, sort, fields, embed)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment",
            content = {
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = "text/csv",
                        schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")),
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))
            })
    void export(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI();
        String collection = path.substring("/api/v1/".length(), path.length() - "/export".length());
        Exports.Export export = exports.prepare(collection, params);
        response.setContentType(export.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(export.filename())
                        .build()
                        .toString());
        OutputStream out = response.getOutputStream();
        export.writeTo(out);
        out.flush();
    }
}
