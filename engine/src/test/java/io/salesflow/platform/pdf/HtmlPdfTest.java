package io.salesflow.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class HtmlPdfTest {

    private final HtmlPdf pdf = new HtmlPdf();

    @Test
    void lays_out_the_document_as_a_pdf_whose_text_can_be_read_back() throws Exception {
        byte[] bytes = pdf.render(
                "<html><body><h1>Master services agreement</h1><p>Total: 12,000.00 EUR</p>" + "</body></html>");

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Master services agreement").contains("12,000.00 EUR");
        }
    }

    @Test
    void fetches_nothing_a_template_points_at_outside_the_document() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            byte[] bytes = pdf.render("<html><head><link rel=\"stylesheet\" href=\"" + base + "/style.css\"/></head>"
                    + "<body><img src=\"" + base + "/pixel.png\"/><img src=\"file:///etc/passwd\"/>"
                    + "<p>Signed</p></body></html>");

            assertThat(bytes).isNotEmpty();
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void says_where_a_document_is_not_well_formed() {
        assertThatThrownBy(() -> pdf.render("<html><body><p>Unclosed</body></html>"))
                .isInstanceOf(PdfLayoutException.class)
                .hasMessageContaining("not well-formed XHTML at line 1");
    }
}
