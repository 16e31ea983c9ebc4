package io.salesflow.contract;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import io.salesflow.deal.DealLineItems.DealLineItem;
import io.salesflow.deal.DealStates.DealFacts;
import io.salesflow.platform.pdf.HtmlPdf;
import io.salesflow.platform.pdf.PdfLayoutException;
import io.salesflow.platform.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Lays out contracts: a template (XHTML with Mustache variables, HTML-escaped) filled with a deal's facts, line items
 * and signers, and the certificate page appended to the signed copy. The variables a template may use are those of
 * {@link #context}; a template naming another fails to render, so it is refused when saved.
 */
@Component
class ContractDocuments {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(true);

    private final HtmlPdf pdf;

    ContractDocuments(HtmlPdf pdf) {
        this.pdf = pdf;
    }

    /** A signer as the document names them. */
    record Party(String name, String email) {}

    /** The PDF of {@code template} for the deal; a template that cannot be laid out is a 422 naming {@code field}. */
    byte[] render(
            String field,
            String template,
            String title,
            DealFacts deal,
            List<DealLineItem> lines,
            List<Party> signers) {
        String xhtml;
        try {
            xhtml = COMPILER.compile(template).execute(context(title, deal, lines, signers));
        } catch (MustacheException e) {
            throw unrenderable(field, "is not a template that renders: " + e.getMessage());
        }
        try {
            return pdf.render(xhtml);
        } catch (PdfLayoutException e) {
            throw unrenderable(field, e.getMessage());
        }
    }

    private static Problem unrenderable(String field, String message) {
        return new Problem(
                422,
                "template-does-not-render",
                "The template does not render",
                "The contract template cannot be laid out as PDF: " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** Renders the template for a made-up deal with one line and one signer: what saving a template checks. */
    void check(String field, String template) {
        DealFacts sample = new DealFacts(
                UUID.randomUUID(),
                "Sample deal",
                new BigDecimal("12000.00"),
                "EUR",
                LocalDate.of(2030, 1, 31),
                UUID.randomUUID(),
                "Sam Seller",
                "sam@example.com",
                "Sample Company",
                UUID.randomUUID(),
                "Sales",
                "Negotiation");
        List<DealLineItem> lines = List.of(new DealLineItem(
                UUID.randomUUID(),
                0,
                "Subscription",
                "12 months",
                BigDecimal.ONE,
                new BigDecimal("12000.00"),
                BigDecimal.ZERO,
                new BigDecimal("12000.00")));
        render(field, template, "Sample contract", sample, lines, List.of(new Party("Pat Buyer", "pat@example.com")));
    }

    static Map<String, Object> context(String title, DealFacts deal, List<DealLineItem> lines, List<Party> signers) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("name", text(deal.ownerName()));
        owner.put("email", text(deal.ownerEmail()));
        Map<String, Object> dealValues = new LinkedHashMap<>();
        dealValues.put("name", deal.name());
        dealValues.put("amount", deal.amount().toPlainString());
        dealValues.put("currency", deal.currency());
        dealValues.put(
                "expectedCloseDate",
                deal.expectedCloseDate() == null ? "" : deal.expectedCloseDate().toString());
        dealValues.put("pipeline", deal.pipelineName());
        dealValues.put("stage", deal.stageName());
        dealValues.put("owner", owner);
        BigDecimal total = BigDecimal.ZERO;
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (DealLineItem line : lines) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("position", line.position() + 1);
            item.put("product", line.product());
            item.put("description", text(line.description()));
            item.put("quantity", line.quantity().toPlainString());
            item.put("unitPrice", line.unitPrice().toPlainString());
            item.put(
                    "discountPercent",
                    line.discountPercent().stripTrailingZeros().toPlainString());
            item.put("total", line.total().toPlainString());
            items.add(item);
            total = total.add(line.total());
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(
                "contract",
                Map.of("title", title, "date", LocalDate.now(ZoneOffset.UTC).toString()));
        context.put("deal", dealValues);
        context.put("account", Map.of("name", text(deal.accountName())));
        context.put("lineItems", items);
        context.put("total", total.toPlainString());
        context.put("currency", deal.currency());
        context.put(
                "signers",
                signers.stream()
                        .map(s -> Map.of("name", s.name(), "email", s.email()))
                        .toList());
        return context;
    }

    /** One signer's evidence on the certificate page. */
    record Evidence(
            String name,
            String email,
            Instant signedAt,
            String typedName,
            String ip,
            String userAgent,
            String documentSha256) {}

    /** The original document with a certificate page naming every signature's evidence. */
    byte[] signedCopy(
            byte[] original, String title, UUID contractId, String documentSha256, List<Evidence> signatures) {
        StringBuilder rows = new StringBuilder();
        for (Evidence e : signatures) {
            rows.append("<tr><td>")
                    .append(esc(e.name()))
                    .append("<br/>")
                    .append(esc(e.email()))
                    .append("</td><td>")
                    .append(esc(e.typedName()))
                    .append("</td><td>")
                    .append(esc(e.signedAt().toString()))
                    .append("</td><td>")
                    .append(esc(e.ip()))
                    .append("<br/><span class=\"small\">")
                    .append(esc(e.userAgent()))
                    .append("</span></td><td class=\"hash\">")
                    .append(esc(e.documentSha256()))
                    .append("</td></tr>");
        }
        String page = "<html><head><style>body{font-family:sans-serif;font-size:10pt}"
                + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:4px;"
                + "vertical-align:top;text-align:left}.small{font-size:7pt}.hash{font-family:monospace;"
                + "font-size:7pt;word-break:break-all}</style></head><body>"
                + "<h1>Certificate of signature</h1>"
                + "<p>Contract: " + esc(title) + "<br/>Contract id: " + contractId + "<br/>SHA-256 of the document"
                + " signed: <span class=\"hash\">" + documentSha256 + "</span></p>"
                + "<p>Each signer received a personal link by email at the address below and signed by opening it,"
                + " reading the document, ticking their consent and typing their name: opening the link proves"
                + " control of that email address.</p>"
                + "<table><tr><th>Signer</th><th>Typed name</th><th>Signed at (UTC)</th><th>Address and browser</th>"
                + "<th>Document SHA-256</th></tr>" + rows + "</table></body></html>";
        byte[] certificate = pdf.render(page);
        try (PDDocument document = Loader.loadPDF(original);
                PDDocument appendix = Loader.loadPDF(certificate);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PDFMergerUtility().appendDocument(document, appendix);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The signed copy could not be assembled", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
