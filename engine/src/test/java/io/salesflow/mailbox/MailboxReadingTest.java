package io.salesflow.mailbox;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.salesflow.connectors.imap.ImapPoller;
import io.salesflow.connectors.imap.InboundMail;
import io.salesflow.connectors.imap.Mailbox;
import io.salesflow.connectors.imap.MailboxPort;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mailboxes read over real IMAP (GreenMail) into PostgreSQL, as two replicas would read them. */
@IntegrationTest
class MailboxReadingTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    private static final String PATH = "/api/v1/mailboxes";

    @Autowired
    Api api;

    @Autowired
    MailboxPort port;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeMailboxes() {
        created.forEach(id ->
                api.as("acme", "admin@acme.test", "DELETE", PATH + "/" + id).send());
    }

    private String mailbox(String user, String purpose) {
        String address = user + "-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        greenMail.setUser(address, address, "imap-secret-1");
        JsonNode box = api.as("acme", "admin@acme.test", "POST", PATH)
                .json(Map.of(
                        "name",
                        "Box " + address,
                        "host",
                        "127.0.0.1",
                        "port",
                        greenMail.getImap().getPort(),
                        "ssl",
                        false,
                        "username",
                        address,
                        "password",
                        "imap-secret-1",
                        "purpose",
                        purpose))
                .send()
                .expect(201)
                .json();
        created.add(box.get("id").asText());
        return address;
    }

    private String idOf(String address) {
        return api.as("acme", "admin@acme.test", "GET", PATH).send().expect(200).json().findParents("username").stream()
                .filter(b -> b.get("username").asText().equals(address))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
    }

    private static ImapPoller poller(MailboxPort port) {
        return new ImapPoller(port, Duration.ofMinutes(1), 50, 500, 1_000_000, Duration.ofSeconds(10));
    }

    /** Reads until this mailbox's messages are all kept; other tests' mailboxes may be due too. */
    private void readAll(String address, int expected) {
        String id = idOf(address);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            api.as("acme", "admin@acme.test", "POST", PATH + "/" + id + "/read")
                    .send()
                    .expect(202);
            poller(port).poll();
            return messages(address, null).size() >= expected;
        });
    }

    private List<JsonNode> messages(String address, String status) {
        String query = status == null ? "" : "&status=" + status;
        List<JsonNode> items = new ArrayList<>();
        api.as("acme", "admin@acme.test", "GET", PATH + "/" + idOf(address) + "/messages?limit=200" + query)
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(items::add);
        return items;
    }

    @Test
    void mailToACaptureAddressBecomesOneScoredRoutedLeadAndTheNextMailFromThemGoesOnItsTimeline() throws Exception {
        String address = mailbox("leads", "capture");
        String sender = "nora." + UUID.randomUUID().toString().substring(0, 6) + "@northwind-"
                + UUID.randomUUID().toString().substring(0, 4) + ".example";
        GreenMailUser box = greenMail.getUserManager().getUser(address);
        box.deliver(
                GreenMailUtil.newMimeMessage(
                        "From: Nora Newman <" + sender + ">\nTo: " + address
                                + "\nSubject: Pricing for 40 seats\nMessage-ID: <n1@northwind.example>\n\nWhat would 40 seats cost?\n"));

        readAll(address, 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        messages(address, null).get(0).get("status").asText())
                .as(messages(address, null).get(0).toString())
                .isEqualTo("LEAD_CREATED"));

        JsonNode message = messages(address, null).get(0);
        String leadId = message.get("recordId").asText();
        JsonNode lead = api.as("acme", "admin@acme.test", "GET", "/api/v1/leads/" + leadId)
                .send()
                .expect(200)
                .json();
        assertThat(lead.get("email").asText()).isEqualTo(sender);
        assertThat(lead.get("firstName").asText()).isEqualTo("Nora");
        assertThat(lead.get("lastName").asText()).isEqualTo("Newman");
        assertThat(lead.get("source").asText()).isEqualTo("inbound_email");
        assertThat(lead.get("company").asText()).startsWith("northwind-");
        assertThat(lead.get("score").isNull()).as("scored at intake").isFalse();
        Integer activities = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM activities WHERE lead_id = ? AND type = 'email' AND description LIKE '%40 seats cost%'",
                        Integer.class, UUID.fromString(leadId)));
        assertThat(activities).isEqualTo(1);

        box.deliver(GreenMailUtil.newMimeMessage("From: Nora Newman <" + sender + ">\nTo: " + address
                + "\nSubject: And support?\n\nDoes that include support?\n"));
        readAll(address, 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        messages(address, null).get(0).get("status").asText())
                .as(messages(address, null).get(0).toString())
                .isEqualTo("MATCHED"));
        assertThat(messages(address, null).get(0).get("recordId").asText()).isEqualTo(leadId);
        Integer leads = inTenant.call(
                "acme", () -> jdbc.queryForObject("SELECT count(*) FROM leads WHERE email = ?", Integer.class, sender));
        assertThat(leads).as("no second lead for the same sender").isEqualTo(1);
    }

    @Test
    void automaticAnswersMakeNoLeadAndAnUnreadableMessageIsQuarantinedWhileTheRestIsRead() throws Exception {
        String address = mailbox("capture", "capture");
        GreenMailUser box = greenMail.getUserManager().getUser(address);
        box.deliver(GreenMailUtil.newMimeMessage("From: away@customer.example\nTo: " + address
                + "\nSubject: Automatic reply: hello\nAuto-Submitted: auto-replied\n\nI am away.\n"));
        box.deliver(GreenMailUtil.newMimeMessage("From: x@broken.example\nTo: " + address
                + "\nSubject: broken\nMIME-Version: 1.0\nContent-Type: multipart/mixed\n\nno boundary\n"));
        box.deliver(GreenMailUtil.newMimeMessage("From: iso@latin.example\nTo: " + address
                + "\nSubject: =?ISO-8859-1?Q?Gr=FC=DFe?=\nContent-Type: text/plain;"
                + " charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nGr=FC=DFe aus K=F6ln\n"));

        readAll(address, 3);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> messages(address, "RECEIVED").isEmpty());

        assertThat(messages(address, "QUARANTINED"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("note").asText()).contains("boundary"));
        assertThat(messages(address, "IGNORED"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("kind").asText()).isEqualTo("AUTO_REPLY"));
        JsonNode latin = messages(address, "LEAD_CREATED").get(0);
        assertThat(latin.get("subject").asText()).isEqualTo("Grüße");
        Integer text = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM activities WHERE lead_id = ? AND description = 'Grüße aus Köln'",
                        Integer.class,
                        UUID.fromString(latin.get("recordId").asText())));
        assertThat(text).isEqualTo(1);
    }

    @Test
    void twoReadersAsTwoReplicasWouldRunThemTakeEveryMessageOnceBetweenThem() throws Exception {
        String address = mailbox("replies", "replies");
        GreenMailUser box = greenMail.getUserManager().getUser(address);
        for (int i = 1; i <= 30; i++) {
            box.deliver(GreenMailUtil.newMimeMessage(
                    "From: c" + i + "@customer.example\nTo: " + address + "\nSubject: Re: offer " + i
                            + "\nIn-Reply-To: <offer-" + i + "@acme.test>\n\nAnswer " + i + "\n"));
        }
        AtomicInteger taken = new AtomicInteger();
        MailboxPort counting = new MailboxPort() {
            @Override
            public List<Mailbox> leaseDue(String reader, Duration lease, int max) {
                return port.leaseDue(reader, lease, max).stream()
                        .filter(m -> m.username().equals(address))
                        .toList();
            }

            @Override
            public void accept(Mailbox mailbox, long uidValidity, long uid, InboundMail mail) {
                taken.incrementAndGet();
                port.accept(mailbox, uidValidity, uid, mail);
            }

            @Override
            public void quarantine(Mailbox mailbox, long uidValidity, long uid, String reason, byte[] raw) {
                port.quarantine(mailbox, uidValidity, uid, reason, raw);
            }

            @Override
            public void release(Mailbox mailbox, String reader, String error) {
                port.release(mailbox, reader, error);
            }
        };
        ImapPoller first = poller(counting);
        ImapPoller second = poller(counting);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            String id = idOf(address);
            for (int round = 0; round < 5 && taken.get() < 30; round++) {
                api.as("acme", "admin@acme.test", "POST", PATH + "/" + id + "/read")
                        .send()
                        .expect(202);
                List<Future<Integer>> reads = replicas.invokeAll(List.<Callable<Integer>>of(first::poll, second::poll));
                for (Future<Integer> read : reads) {
                    read.get();
                }
            }
        } finally {
            replicas.shutdownNow();
        }

        assertThat(taken.get())
                .as("messages handed to the engine by both readers together")
                .isEqualTo(30);
        List<JsonNode> kept = messages(address, null);
        assertThat(kept).hasSize(30);
        assertThat(kept).extracting(m -> m.get("kind").asText()).containsOnly("REPLY");
    }

    @Test
    void theImapRouteRunsInTheApplicationsCamelContext() {
        assertThat(camel.getRoute("imap-poll")).isNotNull();
        assertThat(camel.getRouteController().getRouteStatus("imap-poll").isStarted())
                .isTrue();
    }

    @Test
    void thePasswordIsNeverShownAndBadSettingsAreRefusedFieldByField() {
        String address = mailbox("settings", "replies");
        JsonNode box = api.as("acme", "admin@acme.test", "GET", PATH + "/" + idOf(address))
                .send()
                .expect(200)
                .json();
        assertThat(box.get("passwordSet").asBoolean()).isTrue();
        assertThat(box.toString()).doesNotContain("imap-secret-1");
        byte[] sealed = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT password_sealed FROM mailboxes WHERE username = ?", byte[].class, address));
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("imap-secret-1");

        assertField(
                api.as("acme", "admin@acme.test", "POST", PATH)
                        .json(Map.of(
                                "name",
                                "x",
                                "host",
                                "imap.example.com",
                                "port",
                                70000,
                                "username",
                                "u",
                                "password",
                                "p",
                                "purpose",
                                "replies"))
                        .send()
                        .expect(400),
                "port");
        assertField(
                api.as("acme", "admin@acme.test", "POST", PATH)
                        .json(Map.of(
                                "name",
                                "x",
                                "host",
                                "not a host!",
                                "username",
                                "u",
                                "password",
                                "p",
                                "purpose",
                                "replies"))
                        .send()
                        .expect(400),
                "host");
        assertField(
                api.as("acme", "admin@acme.test", "POST", PATH)
                        .json(Map.of("name", "x", "host", "imap.example.com", "username", "u", "purpose", "replies"))
                        .send()
                        .expect(400),
                "password");
        assertField(
                api.as("acme", "admin@acme.test", "POST", PATH)
                        .json(Map.of(
                                "name",
                                "x",
                                "host",
                                "imap.example.com",
                                "username",
                                "u",
                                "password",
                                "p",
                                "purpose",
                                "spam"))
                        .send()
                        .expect(400),
                "purpose");
        assertField(
                api.as("acme", "admin@acme.test", "PATCH", PATH + "/" + idOf(address))
                        .json(Map.of("colour", "red"))
                        .send()
                        .expect(400),
                "colour");
        Integer count = inTenant.call(
                "acme", () -> jdbc.queryForObject("SELECT count(*) FROM mailboxes WHERE name = 'x'", Integer.class));
        assertThat(count).isZero();
    }

    @Test
    void mailboxesBelongToTheirWorkspaceAndToAdminsOnly() {
        String address = mailbox("private", "replies");
        String id = idOf(address);
        assertThat(api.as("globex", "admin@globex.test", "GET", PATH + "/" + id)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", PATH + "/" + id + "/messages")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "DELETE", PATH + "/" + id)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("acme", "rep@acme.test", "GET", PATH).send().status()).isEqualTo(403);
    }
}
