package io.salesflow.process.connector;

import io.salesflow.email.Emails;
import io.salesflow.process.ProcessBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The "send email" connector action (element template {@code element-templates/send-email.json}): queues an email
 * template to the process's lead or contact (business key {@code <type>:<id>}) through the outbox, in the step's
 * transaction, so a rolled-back step sends nothing. Inputs: {@code templateId}, and {@code var_<name>} values for
 * the template's {@code vars.<name>}. Sets {@code emailId} and {@code emailStatus} ({@code queued}, or
 * {@code suppressed} / {@code no-address} when nothing could be sent, which the model may branch on).
 */
@Component("sendEmail")
@ProcessBean("Send email: queues an email template (input templateId, var_<name> values) to the process's lead or"
        + " contact through the outbox; sets emailId and emailStatus")
class SendEmailDelegate implements JavaDelegate {

    static final String VAR_PREFIX = "var_";

    private final Emails emails;

    SendEmailDelegate(Emails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        int colon = businessKey == null ? -1 : businessKey.indexOf(':');
        if (colon < 1) {
            throw new BpmnError("email-no-record", "The process is about no record (business key " + businessKey + ")");
        }
        String recordType = businessKey.substring(0, colon);
        UUID recordId = UUID.fromString(businessKey.substring(colon + 1));
        Object template = execution.getVariable("templateId");
        if (template == null) {
            throw new IllegalArgumentException("The send email step needs a templateId input");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        execution.getVariableNamesLocal().stream()
                .filter(name -> name.startsWith(VAR_PREFIX))
                .forEach(name -> variables.put(
                        name.substring(VAR_PREFIX.length()), String.valueOf(execution.getVariableLocal(name))));
        Emails.ProcessSend sent =
                emails.sendForProcess(recordType, recordId, UUID.fromString(template.toString()), variables);
        execution.setVariable(
                "emailId", sent.emailId() == null ? null : sent.emailId().toString());
        execution.setVariable("emailStatus", sent.status());
    }
}
