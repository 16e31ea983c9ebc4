/**
 * Payment milestones: a deal's payment plan, its milestones invoiced through the {@link io.salesflow.payment.InvoicePort}
 * (in-app invoices with gap-free numbers and PDFs; an ERP plugs in behind the same port), payments recorded against
 * them, reminders and the finance figures. The payment-milestones process drives a plan through
 * {@link io.salesflow.payment.Milestones}; this module reaches the process only through events and the
 * {@link io.salesflow.payment.PaymentProcess} port the process module implements.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "deal", "email", "identity", "platform", "records", "tenancy"})
package io.salesflow.payment;
