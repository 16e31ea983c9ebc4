package io.salesflow.process.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.process.ProcessBean;
import io.salesflow.textmessage.TextMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "Send SMS" element template's bean (element-templates/send-sms.json). */
@Component("sendSms")
@ProcessBean("Sends an SMS to the process's lead or contact (input: body); sets textMessageId and textMessageStatus")
class SendSms implements JavaDelegate {

    private final TextMessages messages;
    private final ObjectMapper json;

    SendSms(TextMessages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TextMessageDelegates.send(execution, "sms", messages, json);
    }
}
