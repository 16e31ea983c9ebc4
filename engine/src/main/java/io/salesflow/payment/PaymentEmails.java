package io.salesflow.payment;

import io.salesflow.email.EmailTemplates;
import io.salesflow.email.Emails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The invoice and reminder emails to a deal's primary contact, from the tenant's two payment templates (created on
 * first use with a plain wording, then edited like any template). The invoice's PDF is attached, and a tokenised
 * link to it is in the text ({@link InvoiceLinks}).
 */
@Component
class PaymentEmails {

    static final String INVOICE_TEMPLATE = "Payment: invoice";
    static final String REMINDER_TEMPLATE = "Payment: reminder";

    private final Emails emails;
    private final EmailTemplates templates;
    private final PaymentSettingsStore settings;

    PaymentEmails(Emails emails, EmailTemplates templates, PaymentSettingsStore settings) {
        this.emails = emails;
        this.templates = templates;
        this.settings = settings;
    }

    /**
     * Queues an email to the contact; {@code queued}, or why nothing was sent: {@code no-contact}, {@code
     * email-not-configured} (the invoice stands and can be downloaded; the workspace sends no email yet), {@code
     * no-address}, {@code suppressed}.
     */
    String send(boolean reminder, UUID contactId, Map<String, String> variables, List<Emails.EmailAttachment> files) {
        if (contactId == null) {
            return "no-contact";
        }
        if (!emails.isConfigured()) {
            return "email-not-configured";
        }
        PaymentSettingsStore.Settings current = settings.lockCurrent();
        if (current.invoiceTemplateId() == null || current.reminderTemplateId() == null) {
            current = createTemplates();
        }
        Emails.ProcessSend sent = emails.sendForProcess(
                "contact",
                contactId,
                reminder ? current.reminderTemplateId() : current.invoiceTemplateId(),
                new LinkedHashMap<>(variables),
                files);
        return sent.status();
    }

    private PaymentSettingsStore.Settings createTemplates() {
        UUID invoice = templates
                .create(
                        INVOICE_TEMPLATE,
                        new EmailTemplates.Parts(
                                "Invoice {{vars.invoiceNumber}} for {{vars.milestoneName}}",
                                null,
                                """
                                Hello {{record.name}},

                                please find invoice {{vars.invoiceNumber}} for {{vars.milestoneName}} ({{vars.dealName}}):\
                                 {{vars.amount}} {{vars.currency}}, due on {{vars.dueOn}}.

                                Download it here: {{vars.invoiceLink}}

                                {{sender.name}}
                                """))
                .id();
        UUID reminder = templates
                .create(
                        REMINDER_TEMPLATE,
                        new EmailTemplates.Parts(
                                "Reminder {{vars.reminderNumber}}: invoice {{vars.invoiceNumber}} is overdue",
                                null,
                                """
                                Hello {{record.name}},

                                invoice {{vars.invoiceNumber}} for {{vars.milestoneName}} was due on {{vars.dueOn}};\
                                 {{vars.remaining}} {{vars.currency}} are still open. Please pay it soon.

                                Download it here: {{vars.invoiceLink}}

                                {{sender.name}}
                                """))
                .id();
        settings.templates(invoice, reminder);
        return settings.lockCurrent();
    }
}
