package io.salesflow.hooks;

import java.util.Map;

/**
 * How a payload becomes a process message ({@code /api/v1/messages} semantics): the message name, the business key
 * taken from the payload (after an optional constant prefix such as {@code invoice:}), correlation keys and
 * variables by JSON pointer, and how long to keep a message no instance waits for yet (ISO duration, optional).
 */
public record InboundMessageMapping(
        String messageName,
        String businessKey,
        String businessKeyPrefix,
        Map<String, String> correlationKeys,
        Map<String, String> variables,
        String bufferFor) {}
