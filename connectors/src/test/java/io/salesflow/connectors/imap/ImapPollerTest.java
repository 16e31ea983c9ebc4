package io.salesflow.connectors.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The poller against a real IMAP server (GreenMail), with the engine's side kept in memory. */
class ImapPollerTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    /** The engine's side: one mailbox with its cursor, and what was taken. */
    static class MemoryPort implements MailboxPort {
        Mailbox mailbox;
        final List<InboundMail> accepted = new ArrayList<>();
        final List<Long> quarantined = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        MemoryPort(Mailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Override
        public List<Mailbox> leaseDue(String reader, Duration lease, int max) {
            return List.of(mailbox);
        }

        @Override
        public void accept(Mailbox box, long uidValidity, long uid, InboundMail mail) {
            accepted.add(mail);
            advance(uidValidity, uid);
        }

        @Override
        public void quarantine(Mailbox box, long uidValidity, long uid, String reason, byte[] raw) {
            quarantined.add(uid);
            advance(uidValidity, uid);
        }

        @Override
        public void release(Mailbox box, String reader, String error) {
            if (error != null) {
                errors.add(error);
            }
        }

        private void advance(long uidValidity, long uid) {
            mailbox = new Mailbox(
                    mailbox.tenantId(),
                    mailbox.id(),
                    mailbox.host(),
                    mailbox.port(),
                    mailbox.ssl(),
                    mailbox.username(),
                    mailbox.password(),
                    mailbox.folder(),
                    uidValidity,
                    uid);
        }
    }

    private static MemoryPort portFor(String user, String password) {
        return new MemoryPort(new Mailbox(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "127.0.0.1",
                greenMail.getImap().getPort(),
                false,
                user,
                password,
                "INBOX",
                0,
                0));
    }

    private static ImapPoller poller(MailboxPort port, int perRead) {
        return new ImapPoller(port, Duration.ofMinutes(1), 10, perRead, 1_000_000, Duration.ofSeconds(10));
    }

    @Test
    void readsEachMessageOnceInOrderAndQuarantinesTheUnreadableOneWithoutStopping() throws Exception {
        GreenMailUser box = greenMail.setUser("sales@acme.test", "sales@acme.test", "secret-1");
        box.deliver(
                GreenMailUtil.newMimeMessage(
                        """
                From: dana@customer.example
                To: reply+tok_4f9a2c81e0@acme.test
                Subject: Re: quote
                Message-ID: <r1@customer.example>
                In-Reply-To: <m1@acme.test>

                Yes, please send it.
                """));
        box.deliver(
                GreenMailUtil.newMimeMessage(
                        """
                From: x@broken.example
                To: sales@acme.test
                Subject: broken
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                no boundary
                """));
        box.deliver(
                GreenMailUtil.newMimeMessage(
                        """
                From: ooo@customer.example
                To: sales@acme.test
                Subject: Automatic reply: quote
                In-Reply-To: <m1@acme.test>

                Away until Monday.
                """));
        MemoryPort port = portFor("sales@acme.test", "secret-1");

        assertThat(poller(port, 100).poll())
                .as("messages read, the quarantined one too")
                .isEqualTo(3);

        assertThat(port.accepted).extracting(InboundMail::kind).containsExactly(MailKind.REPLY, MailKind.AUTO_REPLY);
        assertThat(port.accepted.get(0).text()).isEqualTo("Yes, please send it.");
        assertThat(port.quarantined).hasSize(1);
        assertThat(port.mailbox.lastUid()).isGreaterThan(port.quarantined.get(0));
        assertThat(port.errors).isEmpty();

        assertThat(poller(port, 100).poll()).as("nothing new").isZero();
        assertThat(port.accepted).hasSize(2);

        box.deliver(GreenMailUtil.newMimeMessage(
                "From: new@prospect.example\nTo: sales@acme.test\nSubject: Pricing\n\nHow much for 40 seats?\n"));
        assertThat(poller(port, 100).poll()).isEqualTo(1);
        assertThat(port.accepted).last().extracting(InboundMail::kind).isEqualTo(MailKind.NEW);
    }

    @Test
    void aReadTakesABoundedBatchAndTheNextReadGoesOnFromTheCursor() throws Exception {
        GreenMailUser box = greenMail.setUser("batch@acme.test", "batch@acme.test", "secret-2");
        for (int i = 1; i <= 5; i++) {
            box.deliver(GreenMailUtil.newMimeMessage(
                    "From: a@b.example\nTo: batch@acme.test\nSubject: n" + i + "\n\nmessage " + i + "\n"));
        }
        MemoryPort port = portFor("batch@acme.test", "secret-2");
        assertThat(poller(port, 2).poll()).isEqualTo(2);
        assertThat(poller(port, 2).poll()).isEqualTo(2);
        assertThat(poller(port, 2).poll()).isEqualTo(1);
        assertThat(port.accepted).extracting(InboundMail::subject).containsExactly("n1", "n2", "n3", "n4", "n5");
    }

    @Test
    void aWrongPasswordIsReportedWithTheLeaseReleasedAndNothingTaken() {
        greenMail.setUser("locked@acme.test", "locked@acme.test", "right");
        MemoryPort port = portFor("locked@acme.test", "wrong");
        assertThat(poller(port, 10).poll()).isZero();
        assertThat(port.errors).singleElement().asString().contains("AuthenticationFailed");
        assertThat(port.accepted).isEmpty();
    }
}
