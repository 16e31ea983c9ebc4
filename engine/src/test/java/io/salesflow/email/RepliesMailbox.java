package io.salesflow.email;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import io.salesflow.connectors.imap.ImapPoller;
import io.salesflow.connectors.imap.MailboxPort;
import io.salesflow.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace's replies mailbox on a GreenMail IMAP user of its own (the workspace's sender on GreenMail's SMTP), and
 * reading it the way the poller does until what was delivered to it is threaded.
 */
public record RepliesMailbox(Api api, MailboxPort port, String tenant, String admin, GreenMailUser inbox, String id) {

    /** Points the workspace's sender at GreenMail and adds a replies mailbox on a new IMAP user of {@code imap}. */
    public static RepliesMailbox create(
            GreenMailExtension imap, Api api, MailboxPort port, String tenant, String admin, String prefix) {
        Mailboxes.useGreenMail(api, tenant, 1000);
        String address = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@replies." + tenant + ".test";
        GreenMailUser inbox = imap.setUser(address, address, "imap-secret");
        String id = api.as(tenant, admin, "POST", "/api/v1/mailboxes")
                .json(Map.of(
                        "name",
                        "Replies " + address,
                        "host",
                        "127.0.0.1",
                        "port",
                        imap.getImap().getPort(),
                        "ssl",
                        false,
                        "username",
                        address,
                        "password",
                        "imap-secret",
                        "purpose",
                        "replies"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        return new RepliesMailbox(api, port, tenant, admin, inbox, id);
    }

    /** Reads the mailbox until it holds at least {@code expected} messages and none waits to be threaded. */
    public List<JsonNode> read(int expected) {
        List<JsonNode> items = new ArrayList<>();
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            api.as(tenant, admin, "POST", "/api/v1/mailboxes/" + id + "/read")
                    .send()
                    .expect(202);
            new ImapPoller(port, Duration.ofMinutes(1), 50, 500, 1_000_000, Duration.ofSeconds(10)).poll();
            items.clear();
            api.as(tenant, admin, "GET", "/api/v1/mailboxes/" + id + "/messages?limit=200")
                    .send()
                    .expect(200)
                    .json()
                    .get("items")
                    .forEach(items::add);
            return items.size() >= expected
                    && items.stream().noneMatch(m -> m.get("status").asText().equals("RECEIVED"));
        });
        return items;
    }
}
