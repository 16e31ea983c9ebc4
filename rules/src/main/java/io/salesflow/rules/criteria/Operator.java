package io.salesflow.rules.criteria;

/**
 * How a condition compares a field with its values. Values are compared in
 * {@link io.salesflow.rules.facts.Text#normal} form. The negative operators ({@code NOT_EQUALS}, {@code NOT_IN}) hold
 * for a field that is absent; the others need the field present. {@code BETWEEN} compares text in alphabetical
 * order, both ends included: give postal-code ranges with the same number of digits. On a list field (tags)
 * {@code CONTAINS_ANY} holds when the list has one of the values, {@code PRESENT} when it is not empty.
 */
public enum Operator {
    EQUALS(1, 1),
    NOT_EQUALS(1, 1),
    IN(1, Integer.MAX_VALUE),
    NOT_IN(1, Integer.MAX_VALUE),
    CONTAINS_ANY(1, Integer.MAX_VALUE),
    STARTS_WITH_ANY(1, Integer.MAX_VALUE),
    ENDS_WITH_ANY(1, Integer.MAX_VALUE),
    BETWEEN(2, 2),
    PRESENT(0, 0),
    ABSENT(0, 0),
    IS_TRUE(0, 0),
    IS_FALSE(0, 0);

    private final int minValues;
    private final int maxValues;

    Operator(int minValues, int maxValues) {
        this.minValues = minValues;
        this.maxValues = maxValues;
    }

    boolean takes(int values) {
        return values >= minValues && values <= maxValues;
    }

    boolean forFlags() {
        return this == IS_TRUE || this == IS_FALSE;
    }

    boolean forLists() {
        return this == CONTAINS_ANY || this == PRESENT || this == ABSENT;
    }

    String arity() {
        if (minValues == maxValues) {
            return minValues == 0 ? "no values" : minValues == 1 ? "one value" : minValues + " values";
        }
        return "at least one value";
    }
}
