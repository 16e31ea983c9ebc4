package io.salesflow.payment.web;

import io.salesflow.payment.InvoiceLinks;
import io.salesflow.payment.InvoicePort;
import io.salesflow.payment.Invoices;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Invoices: a deal's, one, and its PDF (also through the tokenised link an invoice email carries). */
@RestController
@Tag(name = "Payments")
class InvoiceController {

    private final Invoices invoices;

    InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/api/v1/deals/{id}/invoices")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "The deal's invoices, newest first")
    List<InvoicePort.InvoiceView> ofDeal(@PathVariable("id") UUID dealId) {
        return invoices.ofDeal(dealId);
    }

    @GetMapping("/api/v1/invoices/{id}")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "One invoice with its lines")
    InvoicePort.InvoiceView get(@PathVariable UUID id) {
        return invoices.get(id);
    }

    @GetMapping(value = "/api/v1/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "The invoice as PDF")
    @ApiResponse(
            responseCode = "200",
            description = "The PDF, as an attachment",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return respond(invoices.pdf(id));
    }

    @Hidden
    @GetMapping(InvoiceLinks.PATH + "{token}")
    ResponseEntity<byte[]> pdfByLink(@PathVariable String token) {
        return respond(invoices.pdfByToken(token));
    }

    private static ResponseEntity<byte[]> respond(Invoices.Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pdf.filename())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf.bytes());
    }
}
