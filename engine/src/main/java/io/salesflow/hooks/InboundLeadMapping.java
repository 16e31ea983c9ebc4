package io.salesflow.hooks;

import java.util.Map;

/**
 * How a payload becomes a lead: the lead's {@code source}, and for each lead field the JSON pointer into the payload
 * (form parameters are a flat object: {@code /From}).
 */
public record InboundLeadMapping(String source, Map<String, String> fields) {}
