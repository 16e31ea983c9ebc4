package io.salesflow.routing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.salesflow.platform.problem.Problem;
import io.salesflow.rules.routing.RoutingRuleSet;
import java.util.Arrays;

/**
 * Reads a routing rule set from a request body ({@code unassignedQueue}, {@code rules}); a field it does not know
 * or a value of the wrong kind is a 400 naming the field ({@code rules[2].conditions[0].operator}). Whether the
 * rules make sense is the compiler's question (422).
 */
public final class RuleSetInput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RuleSetInput() {}

    public static RoutingRuleSet read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a rule set: {unassignedQueue, rules: [...]}");
        }
        if (body.has("version")) {
            throw Problem.invalid("version", "is given by Salesflow: each saved rule set is the next version");
        }
        if (!body.path("rules").isArray()) {
            throw Problem.invalid("rules", "must be a list of rules");
        }
        try {
            return MAPPER.treeToValue(body, RoutingRuleSet.class);
        } catch (UnrecognizedPropertyException e) {
            throw Problem.invalid(path(e), "is not a known field");
        } catch (InvalidFormatException e) {
            String message = e.getTargetType() != null && e.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(e.getTargetType().getEnumConstants())
                    : "has the wrong format or type (got " + e.getValue() + ")";
            throw Problem.invalid(path(e), message);
        } catch (JsonMappingException e) {
            throw Problem.invalid(path(e), "has the wrong type");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.invalid("body", "is not a rule set: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
