package io.salesflow.records;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Filter operators of the list query language: {@code ?field[op]=value}; {@code ?field=value} means {@code eq}. */
public enum Operator {
    EQ("eq"),
    NE("ne"),
    LT("lt"),
    LTE("lte"),
    GT("gt"),
    GTE("gte"),
    CONTAINS("contains"),
    STARTS_WITH("startsWith"),
    IN("in"),
    HAS("has"),
    IS_NULL("isNull");

    static final Set<Operator> FOR_TEXT = Set.of(EQ, NE, CONTAINS, STARTS_WITH, IN, IS_NULL, LT, GT);
    static final Set<Operator> FOR_IDS = Set.of(EQ, NE, IN, IS_NULL);
    static final Set<Operator> FOR_ORDERED = Set.of(EQ, NE, LT, LTE, GT, GTE, IS_NULL);

    private final String token;

    Operator(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    static Optional<Operator> of(String token) {
        return Arrays.stream(values()).filter(o -> o.token.equals(token)).findFirst();
    }
}
