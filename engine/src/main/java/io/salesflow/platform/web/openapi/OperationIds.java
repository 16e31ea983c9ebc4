package io.salesflow.platform.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * springdoc names operations after their Java methods and numbers repeats ({@code list}, {@code list_1}, ...) in
 * the order it finds them, so a new controller would renumber others. A name used more than once is made unique
 * by its path instead: {@code list} on {@code /api/v1/leads} is {@code listLeads}.
 */
final class OperationIds {

    private static final Pattern NUMBERED = Pattern.compile("_\\d+$");

    private OperationIds() {}

    static void makeStable(Paths paths) {
        Map<String, Integer> uses = new HashMap<>();
        paths.values().forEach(item -> item.readOperations().forEach(op -> uses.merge(base(op), 1, Integer::sum)));
        paths.forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (uses.get(base(op)) > 1) {
                op.setOperationId(base(op) + resource(path));
            }
        }));
        Map<String, Integer> after = new HashMap<>();
        paths.forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (after.merge(op.getOperationId(), 1, Integer::sum) > 1) {
                op.setOperationId(method.name().toLowerCase() + capitalize(op.getOperationId()));
            }
        }));
    }

    private static String base(Operation op) {
        return op.getOperationId() == null
                ? "operation"
                : NUMBERED.matcher(op.getOperationId()).replaceFirst("");
    }

    /** {@code /api/v1/users/{id}/absences/{absenceId}} → {@code UsersAbsences}. */
    private static String resource(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.replaceFirst("^/api/v1/", "").split("/")) {
            if (segment.isEmpty() || segment.startsWith("{")) {
                continue;
            }
            for (String word : segment.split("-")) {
                out.append(capitalize(word));
            }
        }
        return out.toString();
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
