package io.salesflow.contract.web;

import io.salesflow.contract.ContractView;
import io.salesflow.contract.Contracts;
import io.salesflow.contract.Contracts.ContractEventView;
import io.salesflow.contract.Contracts.ContractVerification;
import io.salesflow.contract.Contracts.GenerateContract;
import io.salesflow.contract.Contracts.SendContract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deals' contracts: generate, send for signature, read the evidence, download the documents, verify the chain. */
@RestController
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts")
class ContractController {

    private static final String READ = "hasAuthority('deals:read')";
    private static final String WRITE = "hasAuthority('deals:write')";

    private final Contracts contracts;

    ContractController(Contracts contracts) {
        this.contracts = contracts;
    }

    /** A contract to generate for a deal. */
    record ContractRequest(UUID dealId, UUID templateId, String title, List<UUID> signerContactIds) {}

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "A deal's contracts, newest first (at most 50), with each signer's evidence")
    List<ContractView> ofDeal(@RequestParam UUID dealId) {
        return contracts.ofDeal(dealId);
    }

    @PostMapping
    @PreAuthorize(WRITE)
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(
            summary = "Generate a contract for a deal as PDF from a template, with the deal's figures and line items;"
                    + " signers are contacts of the deal with an email address. It is a draft until sent")
    ResponseEntity<ContractView> generate(@RequestBody ContractRequest request) {
        if (request == null || request.dealId() == null) {
            throw io.salesflow.platform.problem.Problem.invalid("dealId", "is required");
        }
        ContractView created = contracts.generate(
                request.dealId(),
                new GenerateContract(request.templateId(), request.title(), request.signerContactIds()));
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "One contract with its signers and their evidence")
    ContractView get(@PathVariable UUID id) {
        return contracts.get(id);
    }

    @PostMapping("/{id}/send")
    @PreAuthorize(WRITE)
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The contract was sent already (contract-not-draft) or another of the deal is out"
                    + " (contract-out)")
    @Operation(
            summary = "Send a draft for signature: the contract-signing process emails each signer a personal link"
                    + " that works until the contract expires, and reminds them on working days")
    ContractView send(@PathVariable UUID id, @RequestBody(required = false) SendContract request) {
        return contracts.send(id, request);
    }

    @PostMapping("/{id}/signers/{signerId}/link")
    @PreAuthorize(WRITE)
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The contract is not out for signature (contract-not-out) or the signer has signed or"
                    + " declined (signer-done)")
    @Operation(
            summary = "A fresh personal signing link for one signer, to hand over in person or by another channel"
                    + " (a workspace without an email sender); the signer's earlier link stops working")
    io.salesflow.contract.ContractSteps.SigningLink signingLink(@PathVariable UUID id, @PathVariable UUID signerId) {
        return contracts.signingLink(id, signerId);
    }

    @ApiResponse(
            responseCode = "200",
            description = "The PDF",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping(value = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(READ)
    @Operation(summary = "The contract's PDF as generated")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        return pdf(contracts.document(id, false), "contract-" + id + ".pdf");
    }

    @ApiResponse(
            responseCode = "200",
            description = "The PDF",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping(value = "/{id}/signed-document", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(READ)
    @Operation(summary = "The signed copy with its certificate page; 404 until every signer has signed")
    ResponseEntity<byte[]> signedDocument(@PathVariable UUID id) {
        return pdf(contracts.document(id, true), "contract-" + id + "-signed.pdf");
    }

    @GetMapping("/{id}/verification")
    @PreAuthorize(READ)
    @Operation(
            summary = "Recompute the contract's hash chain and its documents' SHA-256: valid, or what was altered or"
                    + " removed")
    ContractVerification verification(@PathVariable UUID id) {
        return contracts.verify(id);
    }

    @GetMapping("/{id}/events")
    @PreAuthorize(READ)
    @Operation(summary = "The contract's events in order, each with the previous event's hash and its own")
    List<ContractEventView> events(@PathVariable UUID id) {
        return contracts.events(id);
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(bytes);
    }
}
