package io.salesflow.process.approval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The deal-approval decision's results ({@code approvalRules}: one row per matching rule with {@code level},
 * {@code approverRole} and {@code ruleName}) as the approval beans read them.
 */
final class ApprovalRules {

    private final List<Map<String, Object>> rows;

    @SuppressWarnings("unchecked")
    private ApprovalRules(Object rows) {
        this.rows = rows == null ? List.of() : (List<Map<String, Object>>) rows;
    }

    static ApprovalRules of(VariableScope scope) {
        return new ApprovalRules(scope.getVariable("approvalRules"));
    }

    List<Integer> levels() {
        return rows.stream().map(ApprovalRules::level).distinct().sorted().toList();
    }

    List<String> rolesAt(int level) {
        return rows.stream()
                .filter(r -> level(r) == level)
                .map(r -> (String) r.get("approverRole"))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** Why {@code role} is asked at {@code level}: the names of the rules that asked, joined. */
    String why(int level, String role) {
        return rows.stream()
                .filter(r -> level(r) == level && role.equals(r.get("approverRole")))
                .map(r -> String.valueOf(r.get("ruleName")))
                .distinct()
                .collect(Collectors.joining("; "));
    }

    String all() {
        return rows.stream()
                .map(r -> String.valueOf(r.get("ruleName")))
                .distinct()
                .collect(Collectors.joining("; "));
    }

    private static int level(Map<String, Object> row) {
        return ((Number) row.get("level")).intValue();
    }
}
