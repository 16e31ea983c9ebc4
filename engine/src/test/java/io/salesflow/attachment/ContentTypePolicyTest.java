package io.salesflow.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.platform.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTypePolicyTest {

    private final ContentTypePolicy policy = new ContentTypePolicy(List.of(
            "application/pdf",
            "image/png",
            "text/plain",
            "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "message/rfc822"));

    @Test
    void theNameTheDeclaredTypeAndTheContentAgree() {
        assertThat(policy.check("Quote.PDF", "application/pdf", Signature.PDF)).isEqualTo(AttachmentType.PDF);
        assertThat(policy.check("logo.png", null, Signature.PNG)).isEqualTo(AttachmentType.PNG);
        assertThat(policy.check("notes.txt", "text/plain; charset=UTF-8", Signature.TEXT))
                .isEqualTo(AttachmentType.TEXT);
        assertThat(policy.check("proposal.docx", "application/octet-stream", Signature.WORD))
                .isEqualTo(AttachmentType.DOCX);
        assertThat(policy.check("budget.xls", "application/vnd.ms-excel", Signature.OLE2))
                .isEqualTo(AttachmentType.XLS);
        assertThat(policy.check("thread.eml", "message/rfc822", Signature.MESSAGE))
                .isEqualTo(AttachmentType.EML);
    }

    @Test
    void browsersOtherNamesForATypeAreUnderstood() {
        assertThat(policy.check("contacts.csv", "application/vnd.ms-excel", Signature.TEXT))
                .isEqualTo(AttachmentType.CSV);
        assertThat(policy.check("contacts.csv", "text/plain", Signature.TEXT)).isEqualTo(AttachmentType.CSV);
    }

    @Test
    void aNameWithoutAnExtensionIsRefusedWhateverItsDeclaredTypeOrContent() {
        refused(() -> policy.check("README", "text/plain", Signature.TEXT), "needs a name with the extension");
        refused(() -> policy.check("scan", null, Signature.PDF), "needs a name with the extension");
        refused(() -> policy.check("scan.", "application/pdf", Signature.PDF), "needs a name with the extension");
    }

    @Test
    void aProgramRenamedToPdfIsRefused() {
        refused(() -> policy.check("invoice.pdf", "application/pdf", Signature.EXECUTABLE), "a program");
        refused(() -> policy.check("invoice.pdf", "application/pdf", Signature.UNKNOWN), "not a .pdf file");
        refused(() -> policy.check("invoice.pdf", "application/pdf", Signature.PNG), "a PNG image, not a .pdf file");
    }

    @Test
    void pagesAndSvgsAreRefusedWhateverTheyAreCalled() {
        refused(() -> policy.check("notes.txt", "text/plain", Signature.HTML), "HTML");
        refused(() -> policy.check("logo.svg", "image/svg+xml", Signature.XML), "XML or SVG");
        refused(() -> policy.check("page.html", "text/html", Signature.TEXT), "files ending in .html");
    }

    @Test
    void aDeclaredTypeThatContradictsTheNameIsRefused() {
        refused(() -> policy.check("invoice.pdf", "image/png", Signature.PDF), "was sent as image/png");
    }

    @Test
    void typesThatAreKnownButNotAllowedAreRefused() {
        refused(() -> policy.check("photo.jpg", "image/jpeg", Signature.JPEG), "image/jpeg is not accepted");
        refused(() -> policy.check("photos.zip", "application/zip", Signature.ZIP), "application/zip is not accepted");
        refused(() -> policy.check("tool.exe", "application/x-msdownload", Signature.TEXT), "files ending in .exe");
    }

    private static void refused(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(415);
            assertThat(p.fieldErrors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("file");
                assertThat(e.message()).contains(message);
            });
        });
    }
}
