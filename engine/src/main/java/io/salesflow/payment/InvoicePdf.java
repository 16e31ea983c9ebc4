package io.salesflow.payment;

import io.salesflow.platform.pdf.HtmlPdf;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** An invoice laid out as XHTML and rendered to PDF: number, dates, customer, lines and totals. */
@Component
class InvoicePdf {

    private final HtmlPdf pdf;

    InvoicePdf(HtmlPdf pdf) {
        this.pdf = pdf;
    }

    byte[] render(InvoicePort.InvoiceView invoice, String workspaceName, String dealName) {
        StringBuilder lines = new StringBuilder();
        for (InvoicePort.InvoiceLine line : invoice.lines()) {
            lines.append("<tr><td>")
                    .append(escape(line.description()))
                    .append("</td><td class=\"n\">")
                    .append(line.quantity().stripTrailingZeros().toPlainString())
                    .append("</td><td class=\"n\">")
                    .append(money(line.unitPrice(), invoice.currency()))
                    .append("</td><td class=\"n\">")
                    .append(money(line.amount(), invoice.currency()))
                    .append("</td></tr>");
        }
        String xhtml =
                """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Invoice %1$s</title><style>
                body { font-family: sans-serif; font-size: 11pt; }
                table { width: 100%%; border-collapse: collapse; }
                th, td { border-bottom: 1px solid #ccc; padding: 4pt; text-align: left; }
                .n { text-align: right; }
                </style></head><body>
                <h1>Invoice %1$s</h1>
                <p>From: %2$s<br />To: %3$s<br />For: %4$s</p>
                <p>Issued on %5$s &#183; Due on %6$s</p>
                <table><thead><tr><th>Description</th><th class="n">Quantity</th><th class="n">Unit price</th>
                <th class="n">Amount</th></tr></thead><tbody>%7$s</tbody></table>
                <p class="n">Total: <b>%8$s</b><br />Paid: %9$s<br />Open: %10$s</p>
                </body></html>
                """
                        .formatted(
                                invoice.number(),
                                escape(workspaceName),
                                escape(invoice.customerName()),
                                escape(dealName),
                                invoice.issuedOn(),
                                invoice.dueOn(),
                                lines,
                                money(invoice.total(), invoice.currency()),
                                money(invoice.paidAmount(), invoice.currency()),
                                money(invoice.total().subtract(invoice.paidAmount()), invoice.currency()));
        return pdf.render(xhtml);
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
