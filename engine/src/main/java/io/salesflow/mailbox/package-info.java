/**
 * Mailboxes read over IMAP: their settings (the password sealed), the lease that gives each to one reader at a
 * time across replicas, the cursor of what was read, and every message read, kept once. It implements the
 * connectors' {@link io.salesflow.connectors.imap.MailboxPort}; what a message means for the CRM (a reply, a
 * bounce, a new lead) is decided by the listeners of {@link io.salesflow.mailbox.InboundMailReceived}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"activity", "audit", "connectors", "identity", "lead", "platform", "tenancy"})
package io.salesflow.mailbox;
