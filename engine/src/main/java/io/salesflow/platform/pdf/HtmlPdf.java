package io.salesflow.platform.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Lays out an XHTML document (with its inline CSS) as a PDF: contracts, certificate pages, invoices. The document
 * comes from a workspace's own template, so it may load nothing from outside: every external resource (images,
 * style sheets, fonts by URL, {@code file:} paths) is refused before it is fetched. Images belong inline as
 * {@code data:} URIs.
 */
@Component
public class HtmlPdf {

    /**
     * Renders {@code xhtml} to PDF bytes.
     *
     * @throws PdfLayoutException when the document is not well-formed XHTML or cannot be laid out; its message says
     *     where, in words an ops user can act on
     */
    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            throw new PdfLayoutException(describe(e), e);
        }
        return out.toByteArray();
    }

    private static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.xml.sax.SAXParseException parse) {
                return "The document is not well-formed XHTML at line " + parse.getLineNumber() + ", column "
                        + parse.getColumnNumber() + ": " + parse.getMessage();
            }
        }
        return "The document could not be laid out as PDF: " + e.getMessage();
    }
}
