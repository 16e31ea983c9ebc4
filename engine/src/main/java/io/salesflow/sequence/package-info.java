/**
 * Follow-up sequences: each workspace's sequences (ordered email, SMS, WhatsApp, rep-task and wait steps with A/B
 * variants and stop rules), the leads and contacts enrolled in them (by hand, in bulk from a saved view, from
 * nurture), what each step sent and became of it, and the figures per step and variant. The steps run in the
 * {@code follow-up-sequence} process, reached through {@link io.salesflow.sequence.SequenceRunner}, which the
 * process module implements.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "audit",
            "calendar",
            "email",
            "engagement",
            "identity",
            "mailbox",
            "platform",
            "records",
            "savedview",
            "tenancy",
            "textmessage"
        })
package io.salesflow.sequence;
