package io.salesflow.connectors.imap;

/** What an inbound message is, as far as sales conversations go. */
public enum MailKind {
    /** A person answering a message we sent (by In-Reply-To/References or a reply token). */
    REPLY,
    /** A delivery status notification saying a message we sent could not be delivered. */
    BOUNCE,
    /** An out-of-office note or another automatic answer: never a reply. */
    AUTO_REPLY,
    /** Anything else: new mail, such as mail to a lead capture address. */
    NEW
}
