package io.salesflow.connectors.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class InboundMailReaderTest {

    private final InboundMailReader reader = new InboundMailReader();

    private static MimeMessage parse(String raw) throws Exception {
        return parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    @Test
    void aReplyIsThreadedByInReplyToThenReferencesNewestFirstAndLosesItsQuote() throws Exception {
        InboundMail mail = reader.read(
                parse(
                        """
                From: "Dana Buyer" <Dana@Customer.example>
                To: Rita Rep <reply+tok_4f9a2c81e0@mail.acme.test>
                Subject: Re: Your quote
                Message-ID: <answer-1@customer.example>
                In-Reply-To: <m2@acme.test>
                References: <m1@acme.test> <m2@acme.test>
                Date: Sun, 6 Dec 2026 10:00:00 +0100
                Content-Type: text/plain; charset=utf-8

                Sounds good, let's talk on Tuesday.

                On Sat, 5 Dec 2026 at 09:00, Rita Rep <rita@acme.test> wrote:
                > Here is the quote you asked for.
                """));

        assertThat(mail.kind()).isEqualTo(MailKind.REPLY);
        assertThat(mail.messageId()).isEqualTo("<answer-1@customer.example>");
        assertThat(mail.threadIds()).containsExactly("<m2@acme.test>", "<m1@acme.test>");
        assertThat(mail.replyTokens()).containsExactly("tok_4f9a2c81e0");
        assertThat(mail.fromAddress()).isEqualTo("dana@customer.example");
        assertThat(mail.fromName()).isEqualTo("Dana Buyer");
        assertThat(mail.text()).isEqualTo("Sounds good, let's talk on Tuesday.");
        assertThat(mail.sentAt()).hasToString("2026-12-06T09:00:00Z");
    }

    @Test
    void aClientThatDropsTheHeadersIsStillAReplyByItsToken() throws Exception {
        InboundMail mail = reader.read(
                parse(
                        """
                From: dana@customer.example
                To: reply+tok_4f9a2c81e0@mail.acme.test
                Subject: quote

                Yes please.
                """));
        assertThat(mail.kind()).isEqualTo(MailKind.REPLY);
        assertThat(mail.threadIds()).isEmpty();
        assertThat(mail.replyTokens()).containsExactly("tok_4f9a2c81e0");
    }

    @Test
    void newMailToACaptureAddressIsNew() throws Exception {
        InboundMail mail = reader.read(
                parse(
                        """
                From: Someone New <new.person@prospect.example>
                To: leads@acme.test
                Subject: Pricing for 40 seats?
                Content-Type: text/html; charset=utf-8

                <html><body><p>Hello,</p><p>what does it cost for 40 seats &amp; support?</p></body></html>
                """));
        assertThat(mail.kind()).isEqualTo(MailKind.NEW);
        assertThat(mail.text())
                .contains("what does it cost for 40 seats & support?")
                .doesNotContain("<p>");
    }

    @Test
    void aDeliveryStatusReportIsABounceOfTheFailedRecipientAndTheOriginalMessage() throws Exception {
        InboundMail mail = reader.read(
                parse(
                        """
                From: Mail Delivery System <MAILER-DAEMON@mx.acme.test>
                To: reply+tok_4f9a2c81e0@mail.acme.test
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.acme.test

                Final-Recipient: rfc822; Gone@Customer.example
                Original-Recipient: rfc822;gone@customer.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown

                Final-Recipient: rfc822; slow@customer.example
                Action: delayed
                Status: 4.4.1

                --b1
                Content-Type: text/rfc822-headers

                From: rita@acme.test
                To: gone@customer.example
                Subject: Your quote
                Message-ID: <m2@acme.test>

                --b1--
                """));
        assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(mail.bouncedRecipients()).containsExactly("gone@customer.example");
        assertThat(mail.bounceStatus()).isEqualTo("5.1.1");
        assertThat(mail.threadIds()).containsExactly("<m2@acme.test>");
    }

    @Test
    void eximsFailedRecipientsHeaderIsABounceToo() throws Exception {
        InboundMail mail = reader.read(
                parse(
                        """
                From: Mail Delivery System <Mailer-Daemon@mx.example>
                To: rita@acme.test
                Subject: Mail delivery failed: returning message to sender
                X-Failed-Recipients: gone@customer.example

                This message was created automatically by mail delivery software.

                ------ This is a copy of the message, including all the headers. ------
                Message-ID: <m3@acme.test>
                Subject: Hello
                """));
        assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(mail.bouncedRecipients()).containsExactly("gone@customer.example");
        assertThat(mail.threadIds()).containsExactly("<m3@acme.test>");
    }

    @Test
    void outOfOfficeAnswersAreAutomaticEvenWhenTheyQuoteOurMessage() throws Exception {
        String headers =
                """
                From: dana@customer.example
                To: reply+tok_4f9a2c81e0@mail.acme.test
                In-Reply-To: <m2@acme.test>
                %s
                Content-Type: text/plain

                I am out of the office until Monday.
                """;
        for (String marker : new String[] {
            "Subject: Re: quote\nAuto-Submitted: auto-replied",
            "Subject: Re: quote\nX-Autoreply: yes",
            "Subject: Re: quote\nX-Auto-Response-Suppress: All",
            "Subject: Re: quote\nPrecedence: auto_reply",
            "Subject: Automatic reply: Your quote",
            "Subject: Out of Office: Your quote",
            "Subject: =?utf-8?Q?Abwesenheitsnotiz=3A_Ihr_Angebot?="
        }) {
            InboundMail mail = reader.read(parse(headers.formatted(marker)));
            assertThat(mail.kind()).as(marker).isEqualTo(MailKind.AUTO_REPLY);
            assertThat(mail.threadIds()).as(marker).containsExactly("<m2@acme.test>");
        }
        InboundMail person = reader.read(parse(headers.formatted("Subject: Re: quote\nAuto-Submitted: no")));
        assertThat(person.kind()).isEqualTo(MailKind.REPLY);
    }

    @Test
    void textInOtherCharsetsIsDecodedAndAnUnknownCharsetDoesNotLoseTheMessage() throws Exception {
        for (String charset : new String[] {"ISO-8859-1", "windows-1252", "KOI8-R", "Shift_JIS", "ISO-2022-JP"}) {
            String words = charset.startsWith("KOI")
                    ? "Привет, давайте созвонимся"
                    : charset.contains("JP") || charset.startsWith("Shift") ? "見積もりをありがとう" : "Grüße, à bientôt";
            byte[] head = ("From: a@b.example\nTo: leads@acme.test\nSubject: hello\nContent-Type: text/plain; charset="
                            + charset + "\nContent-Transfer-Encoding: 8bit\n\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] body = words.getBytes(Charset.forName(charset));
            byte[] raw = new byte[head.length + body.length];
            System.arraycopy(head, 0, raw, 0, head.length);
            System.arraycopy(body, 0, raw, head.length, body.length);

            InboundMail mail = reader.read(parse(raw));
            assertThat(mail.text()).as(charset).isEqualTo(words);
        }
        InboundMail unknown = reader.read(
                parse(
                        "From: a@b.example\nTo: leads@acme.test\nSubject: x\nContent-Type: text/plain; charset=x-no-such\n\nHallo Gr\u00fc\u00dfe\n"));
        assertThat(unknown.text()).isEqualTo("Hallo Grüße");
    }

    @Test
    void aBrokenMimeStructureIsUnreadableRatherThanACrash() throws Exception {
        MimeMessage broken = parse(
                """
                From: a@b.example
                To: leads@acme.test
                Subject: broken
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                no boundary was ever declared
                """);
        assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(UnreadableMailException.class);
    }
}
