package io.salesflow.customfield;

import static io.salesflow.records.Operator.CONTAINS;
import static io.salesflow.records.Operator.EQ;
import static io.salesflow.records.Operator.GT;
import static io.salesflow.records.Operator.GTE;
import static io.salesflow.records.Operator.IN;
import static io.salesflow.records.Operator.IS_NULL;
import static io.salesflow.records.Operator.LT;
import static io.salesflow.records.Operator.LTE;
import static io.salesflow.records.Operator.NE;
import static io.salesflow.records.Operator.STARTS_WITH;

import io.salesflow.records.FieldType;
import io.salesflow.records.Operator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of custom field, each with how the list language treats its values: picklist values compare as
 * text, lookups as ids.
 */
enum CustomFieldType {
    TEXT(FieldType.TEXT, Set.of(EQ, NE, CONTAINS, STARTS_WITH, IN, IS_NULL), true),
    NUMBER(FieldType.NUMBER, Set.of(EQ, NE, LT, LTE, GT, GTE, IN, IS_NULL), true),
    DATE(FieldType.DATE, Set.of(EQ, NE, LT, LTE, GT, GTE, IN, IS_NULL), true),
    PICKLIST(FieldType.TEXT, Set.of(EQ, NE, IN, IS_NULL), true),
    BOOLEAN(FieldType.BOOLEAN, Set.of(EQ, NE, IS_NULL), true),
    LOOKUP(FieldType.UUID, Set.of(EQ, NE, IN, IS_NULL), false);

    static final List<String> CODES =
            Arrays.stream(values()).map(CustomFieldType::code).toList();

    final FieldType fieldType;
    final Set<Operator> operators;
    final boolean sortable;

    CustomFieldType(FieldType fieldType, Set<Operator> operators, boolean sortable) {
        this.fieldType = fieldType;
        this.operators = operators;
        this.sortable = sortable;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CustomFieldType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
