package io.salesflow.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    @Test
    void recognisesBinaryFormatsByTheirMagicNumbers() {
        assertThat(ContentSniffer.sniff(SampleFiles.pdf(100))).isEqualTo(Signature.PDF);
        assertThat(ContentSniffer.sniff(SampleFiles.png(100))).isEqualTo(Signature.PNG);
        assertThat(ContentSniffer.sniff(SampleFiles.jpeg(100))).isEqualTo(Signature.JPEG);
        assertThat(ContentSniffer.sniff(SampleFiles.gif())).isEqualTo(Signature.GIF);
        assertThat(ContentSniffer.sniff(SampleFiles.webp())).isEqualTo(Signature.WEBP);
        assertThat(ContentSniffer.sniff(SampleFiles.ole2())).isEqualTo(Signature.OLE2);
    }

    @Test
    void tellsOfficeDocumentsFromOtherZipsByTheirParts() {
        assertThat(ContentSniffer.sniff(SampleFiles.ooxml("word"))).isEqualTo(Signature.WORD);
        assertThat(ContentSniffer.sniff(SampleFiles.ooxml("xl"))).isEqualTo(Signature.EXCEL);
        assertThat(ContentSniffer.sniff(SampleFiles.ooxml("ppt"))).isEqualTo(Signature.POWERPOINT);
        assertThat(ContentSniffer.sniff(SampleFiles.zip("notes.txt", "photos/one.jpg")))
                .isEqualTo(Signature.ZIP);
    }

    @Test
    void recognisesPrograms() {
        assertThat(ContentSniffer.sniff(SampleFiles.exe())).isEqualTo(Signature.EXECUTABLE);
        assertThat(ContentSniffer.sniff(SampleFiles.elf())).isEqualTo(Signature.EXECUTABLE);
        assertThat(Signature.EXECUTABLE.dangerous()).isTrue();
    }

    @Test
    void textIsTextUnlessItStartsLikeAPageOrAnSvg() {
        assertThat(ContentSniffer.sniff(SampleFiles.text("Name,Email\nAda,ada@example.com\n")))
                .isEqualTo(Signature.TEXT);
        assertThat(ContentSniffer.sniff(SampleFiles.text("\uFEFFGrüße aus Köln\r\n")))
                .isEqualTo(Signature.TEXT);
        assertThat(ContentSniffer.sniff(SampleFiles.text("  \n<!DOCTYPE html>\n<html><script>alert(1)</script>")))
                .isEqualTo(Signature.HTML);
        assertThat(ContentSniffer.sniff(SampleFiles.text("<SCRIPT>alert(1)</SCRIPT>")))
                .isEqualTo(Signature.HTML);
        assertThat(ContentSniffer.sniff(SampleFiles.text("<p>hello</p>"))).isEqualTo(Signature.HTML);
        assertThat(ContentSniffer.sniff(SampleFiles.text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"x()\"/>")))
                .isEqualTo(Signature.XML);
        assertThat(ContentSniffer.sniff(SampleFiles.text("<?xml version=\"1.0\"?><svg/>")))
                .isEqualTo(Signature.XML);
        assertThat(ContentSniffer.sniff(SampleFiles.text("<above> and <below> are placeholders")))
                .isEqualTo(Signature.TEXT);
    }

    @Test
    void aMessageStartsWithHeaderFieldsIncludingFrom() {
        String message = "Return-Path: <ada@example.com>\r\nFrom: Ada <ada@example.com>\r\nSubject: Quote\r\n\r\nHello";
        assertThat(ContentSniffer.sniff(SampleFiles.text(message))).isEqualTo(Signature.MESSAGE);
        assertThat(ContentSniffer.sniff(SampleFiles.text("Subject: Quote\r\n\r\nFrom: nobody")))
                .isEqualTo(Signature.TEXT);
    }

    @Test
    void bytesThatAreNeitherAKnownFormatNorTextAreUnknown() {
        byte[] binary = {1, 2, 3, 4, 0, 0, 0, 7};
        assertThat(ContentSniffer.sniff(binary)).isEqualTo(Signature.UNKNOWN);
        assertThat(ContentSniffer.sniff("%PD".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Signature.TEXT);
    }
}
