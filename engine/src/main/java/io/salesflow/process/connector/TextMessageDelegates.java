package io.salesflow.process.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.textmessage.TextMessage;
import io.salesflow.textmessage.TextMessages;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the "send SMS" and "send WhatsApp" process beans share: the lead or contact the process is about (its
 * business key {@code lead:<id>} or {@code contact:<id>}, else a {@code leadId} or {@code contactId} variable),
 * the message from the task's input parameters, and the outcome as variables: {@code textMessageId} of the queued
 * message, {@code textMessageStatus} {@code queued} or {@code opted_out} (then nothing is sent).
 */
final class TextMessageDelegates {

    private TextMessageDelegates() {}

    static void send(DelegateExecution execution, String channel, TextMessages messages, ObjectMapper json) {
        Map.Entry<String, UUID> record = recordOf(execution);
        ObjectNode content = json.createObjectNode();
        copy(execution, "body", content, json);
        copy(execution, "contentSid", content, json);
        copy(execution, "contentVariables", content, json);
        Optional<TextMessage> queued = messages.sendForProcess(record.getKey(), record.getValue(), channel, content);
        execution.setVariable(
                "textMessageId", queued.map(m -> m.id().toString()).orElse(null));
        execution.setVariable(
                "textMessageStatus", queued.map(TextMessage::status).orElse("opted_out"));
    }

    private static void copy(DelegateExecution execution, String name, ObjectNode content, ObjectMapper json) {
        Object value = execution.getVariableLocal(name);
        if (value == null) {
            return;
        }
        if (name.equals("contentVariables") && value instanceof String s) {
            try {
                JsonNode parsed = json.readTree(s);
                content.set(name, parsed);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ProcessEngineException("contentVariables must be a JSON object such as {\"1\":\"Ada\"}");
            }
            return;
        }
        content.set(name, json.valueToTree(value));
    }

    private static Map.Entry<String, UUID> recordOf(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key != null) {
            int colon = key.indexOf(':');
            String type = colon < 0 ? "" : key.substring(0, colon);
            if (type.equals("lead") || type.equals("contact")) {
                try {
                    return Map.entry(type, UUID.fromString(key.substring(colon + 1)));
                } catch (IllegalArgumentException e) {
                    // not a record's key: try the variables
                }
            }
        }
        for (String type : new String[] {"lead", "contact"}) {
            Object id = execution.getVariable(type + "Id");
            if (id != null) {
                try {
                    return Map.entry(type, UUID.fromString(id.toString()));
                } catch (IllegalArgumentException e) {
                    throw new ProcessEngineException(type + "Id is not a record id: " + id);
                }
            }
        }
        throw new ProcessEngineException(
                "A text message goes to the process's lead or contact: start it with the business key lead:<id> or"
                        + " contact:<id>, or set a leadId or contactId variable");
    }
}
