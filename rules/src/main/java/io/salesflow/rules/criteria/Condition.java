package io.salesflow.rules.criteria;

import io.salesflow.rules.facts.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One test on a lead field, such as {@code EMAIL_DOMAIN NOT_IN [gmail.com, yahoo.com]}. */
public record Condition(LeadField field, Operator operator, List<String> values) {

    public Condition {
        values = values == null ? List.of() : values.stream().map(Text::normal).toList();
    }

    public static Condition of(LeadField field, Operator operator, String... values) {
        return new Condition(field, operator, List.of(values));
    }

    /** What is wrong with this condition, if anything, in words an admin understands. */
    public Optional<String> problem() {
        if (field == null || operator == null) {
            return Optional.of("a condition needs a field and an operator");
        }
        if (field.isFlag() != operator.forFlags()) {
            return Optional.of(
                    field.isFlag()
                            ? field + " is yes/no: use IS_TRUE or IS_FALSE"
                            : operator + " applies to yes/no fields only, not to " + field);
        }
        if (field.isList() && !operator.forLists()) {
            return Optional.of(field + " is a list: use CONTAINS_ANY, PRESENT or ABSENT");
        }
        if (!operator.takes(values.size())) {
            return Optional.of(operator + " on " + field + " takes " + operator.arity() + ", got " + values.size());
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            return Optional.of(operator + " on " + field + " has a blank value");
        }
        return Optional.empty();
    }

    /** The DRL constraint for a {@code LeadFacts(...)} pattern; call only on a condition without a problem. */
    public String toDrl() {
        String p = field.property();
        if (field.isList()) {
            return switch (operator) {
                case PRESENT -> p + ".isEmpty() == false";
                case ABSENT -> p + ".isEmpty() == true";
                default -> anyCall(p, "contains");
            };
        }
        return switch (operator) {
            case EQUALS -> p + " == " + DrlLiteral.of(values.get(0));
            case NOT_EQUALS -> p + " != " + DrlLiteral.of(values.get(0));
            case IN -> p + " in (" + DrlLiteral.list(values) + ")";
            case NOT_IN -> p + " not in (" + DrlLiteral.list(values) + ")";
            case CONTAINS_ANY -> anyCall(p, "contains");
            case STARTS_WITH_ANY -> anyCall(p, "startsWith");
            case ENDS_WITH_ANY -> anyCall(p, "endsWith");
            case BETWEEN ->
                p + " != null && " + p + " >= " + DrlLiteral.of(values.get(0)) + " && " + p + " <= "
                        + DrlLiteral.of(values.get(1));
            case PRESENT -> p + " != null";
            case ABSENT -> p + " == null";
            case IS_TRUE -> p + " == true";
            case IS_FALSE -> p + " == false";
        };
    }

    private String anyCall(String p, String method) {
        List<String> calls = new ArrayList<>();
        for (String v : values) {
            calls.add(p + "." + method + "(" + DrlLiteral.of(v) + ")");
        }
        return p + " != null && (" + String.join(" || ", calls) + ")";
    }
}
