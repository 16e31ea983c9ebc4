package io.salesflow.process.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.process.ProcessBean;
import io.salesflow.textmessage.TextMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "Send WhatsApp" element template's bean (element-templates/send-whatsapp.json). */
@Component("sendWhatsApp")
@ProcessBean("Sends a WhatsApp template (inputs: contentSid, contentVariables) or text (body) to the process's lead or"
        + " contact; sets textMessageId and textMessageStatus")
class SendWhatsApp implements JavaDelegate {

    private final TextMessages messages;
    private final ObjectMapper json;

    SendWhatsApp(TextMessages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TextMessageDelegates.send(execution, "whatsapp", messages, json);
    }
}
