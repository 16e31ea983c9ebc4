package io.salesflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the names that make the engine evaluate an expression: a query parameter or a JSON key ending in
 * {@code Expression} ({@code assigneeExpression}, {@code dueAfterExpression}, …), or {@code expression(s)}
 * itself, at any depth. Camunda's task query evaluates them as JUEL — which reaches any Java method — in
 * {@code orQueries} and in stored filters even with query expressions switched off.
 */
final class ExpressionKeys {

    private ExpressionKeys() {}

    static boolean namesAnExpression(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("expression") || lower.endsWith("expressions");
    }

    /** The path of the first key naming an expression, e.g. {@code orQueries[0].assigneeExpression}. */
    static Optional<String> find(JsonNode node) {
        return find(node, "");
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (namesAnExpression(field.getKey())) {
                    return Optional.of(here);
                }
                Optional<String> below = find(field.getValue(), here);
                if (below.isPresent()) {
                    return below;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> below = find(node.get(i), path + "[" + i + "]");
                if (below.isPresent()) {
                    return below;
                }
            }
        }
        return Optional.empty();
    }
}
