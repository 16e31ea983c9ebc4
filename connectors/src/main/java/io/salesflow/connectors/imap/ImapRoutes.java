package io.salesflow.connectors.imap;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reads the configured mailboxes: a timer route hands each round to the {@link ImapPoller}, which takes the
 * mailboxes the engine leases to this replica. Without the engine's {@link MailboxPort} there is nothing to read and
 * no route.
 */
@Component
class ImapRoutes extends RouteBuilder {

    private final ObjectProvider<MailboxPort> port;
    private final Environment environment;

    ImapRoutes(ObjectProvider<MailboxPort> port, Environment environment) {
        this.port = port;
        this.environment = environment;
    }

    @Override
    public void configure() {
        MailboxPort mailboxes = port.getIfAvailable();
        if (mailboxes == null) {
            return;
        }
        ImapPoller poller = new ImapPoller(
                mailboxes,
                environment.getProperty("salesflow.mail.imap.lease", Duration.class, Duration.ofMinutes(5)),
                environment.getProperty("salesflow.mail.imap.mailboxes-per-poll", Integer.class, 20),
                environment.getProperty("salesflow.mail.imap.messages-per-read", Integer.class, 200),
                environment.getProperty("salesflow.mail.imap.max-message-size", Integer.class, 25 * 1024 * 1024),
                environment.getProperty("salesflow.mail.imap.timeout", Duration.class, Duration.ofSeconds(30)));
        from("timer:imap-poll?delay={{salesflow.mail.imap.first-poll-after:10000}}"
                        + "&period={{salesflow.mail.imap.poll-interval:60000}}")
                .routeId("imap-poll")
                .bean(poller, "poll");
    }
}
