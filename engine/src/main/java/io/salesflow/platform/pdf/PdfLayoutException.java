package io.salesflow.platform.pdf;

/** A document {@link HtmlPdf} could not turn into a PDF; the message says why, for the person who wrote it. */
public class PdfLayoutException extends RuntimeException {

    public PdfLayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
