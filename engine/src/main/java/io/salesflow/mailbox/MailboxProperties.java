package io.salesflow.mailbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often mailboxes are read. The connectors' IMAP route asks for due mailboxes every
 * {@code salesflow.mail.imap.poll-interval}; each mailbox is due again {@code readInterval} after its last read.
 *
 * @param maxRawBytes the largest unreadable message kept whole in quarantine (larger ones keep their headers only)
 */
@ConfigurationProperties("salesflow.mail.mailboxes")
public record MailboxProperties(@DefaultValue("1m") Duration readInterval, @DefaultValue("1048576") int maxRawBytes) {}
