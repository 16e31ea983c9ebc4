package io.salesflow.mailbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mailbox body, checked field by field. On a change, fields left out keep their value; the password is only
 * replaced when one is sent.
 */
record MailboxInput(
        String name,
        String host,
        Integer port,
        Boolean ssl,
        String username,
        String password,
        String folder,
        String purpose,
        Boolean enabled) {

    static final List<String> PURPOSES = List.of("replies", "capture");
    private static final Pattern HOST =
            Pattern.compile("(?i)^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");

    static MailboxInput read(ObjectNode body, boolean creating) {
        String name = null;
        String host = null;
        Integer port = null;
        Boolean ssl = null;
        String username = null;
        String password = null;
        String folder = null;
        String purpose = null;
        Boolean enabled = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            switch (field) {
                case "name" -> name = text(field, v, 80);
                case "host" -> {
                    host = text(field, v, 253);
                    if (!HOST.matcher(host).matches()) {
                        throw Problem.invalid(field, "must be a host name such as imap.example.com");
                    }
                }
                case "port" -> {
                    if (v == null
                            || !v.canConvertToInt()
                            || !v.isIntegralNumber()
                            || v.intValue() < 1
                            || v.intValue() > 65535) {
                        throw Problem.invalid(field, "must be a port number from 1 to 65535");
                    }
                    port = v.intValue();
                }
                case "ssl" -> ssl = flag(field, v);
                case "username" -> username = text(field, v, 254);
                case "password" -> password = text(field, v, 500);
                case "folder" -> folder = text(field, v, 200);
                case "purpose" -> {
                    purpose = text(field, v, 20);
                    if (!PURPOSES.contains(purpose)) {
                        throw Problem.invalid(field, "must be one of " + String.join(", ", PURPOSES));
                    }
                }
                case "enabled" -> enabled = flag(field, v);
                case "id", "passwordSet", "lastReadAt", "lastError", "version" -> {
                    // Read back as sent: they are the server's.
                }
                default -> throw Problem.invalid(field, "is not a field of a mailbox");
            }
        }
        if (creating) {
            for (Object[] required : new Object[][] {
                {"name", name}, {"host", host}, {"username", username}, {"password", password}, {"purpose", purpose}
            }) {
                if (required[1] == null) {
                    throw Problem.invalid((String) required[0], "is required");
                }
            }
        }
        return new MailboxInput(name, host, port, ssl, username, password, folder, purpose, enabled);
    }

    private static String text(String field, JsonNode v, int max) {
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw Problem.invalid(field, "must be a non-empty text");
        }
        String text = v.asText().strip();
        if (text.length() > max) {
            throw Problem.invalid(field, "must be at most " + max + " characters");
        }
        return text;
    }

    private static boolean flag(String field, JsonNode v) {
        if (v == null || !v.isBoolean()) {
            throw Problem.invalid(field, "must be true or false");
        }
        return v.booleanValue();
    }
}
