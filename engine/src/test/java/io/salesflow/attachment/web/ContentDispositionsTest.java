package io.salesflow.attachment.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionsTest {

    @Test
    void anAsciiNameIsQuotedAndEncoded() {
        assertThat(ContentDispositions.attachment("Quote 2024.pdf"))
                .isEqualTo("attachment; filename=\"Quote 2024.pdf\"; filename*=UTF-8''Quote%202024.pdf");
    }

    @Test
    void otherScriptsArePercentEncodedAsUtf8WithAnAsciiFallback() {
        assertThat(ContentDispositions.attachment("Müller 見積.pdf"))
                .isEqualTo(
                        "attachment; filename=\"M_ller __.pdf\"; filename*=UTF-8''M%C3%BCller%20%E8%A6%8B%E7%A9%8D.pdf");
    }

    @Test
    void nothingInTheNameCanEndTheValueOrAddAParameter() {
        String header = ContentDispositions.attachment("a\";b=c\\d;.txt");
        assertThat(header)
                .isEqualTo("attachment; filename=\"a_;b=c_d;.txt\"; filename*=UTF-8''a%22%3Bb%3Dc%5Cd%3B.txt");
    }
}
