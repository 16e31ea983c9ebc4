package io.salesflow.platform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.records.FieldType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed hostile values the fuzz test puts, one at a time, into every parameter and body field. No JSON
 * booleans and no "true": Jackson would read them (and any non-zero number) into a boolean field, and a fuzzed
 * {@code required: true} custom field or a default pipeline would change what later tests see.
 */
final class FuzzCorpus {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private FuzzCorpus() {}

    /** A value for a query parameter or a path segment, already percent-encoded as it goes on the wire. */
    record Raw(String label, String encoded) {}

    static final List<Raw> PARAMETER_VALUES = List.of(
            new Raw("empty", ""),
            new Raw("NUL", "a%00b"),
            new Raw("lone surrogate", "%ED%A0%80"),
            new Raw("overlong UTF-8", "%C0%AF"),
            new Raw("very long", "x".repeat(2000)),
            new Raw("far future", "%2B999999999-01-01T00%3A00%3A00Z"),
            new Raw("huge exponent", "1e999999"),
            new Raw("tiny exponent", "1e-999999"),
            new Raw("negative", "-1"),
            new Raw("huge", "99999999999999999999"),
            new Raw("injection", "%27%3B%20DROP%20TABLE%20leads%3B--%3Cscript%3E"),
            new Raw("traversal", "..%2F..%2Fetc%2Fpasswd"));

    /** Path segments: ids and names, where numbers and times are just more wrong text. */
    static final List<Raw> PATH_VALUES = PARAMETER_VALUES.stream()
            .filter(v -> !List.of("far future", "tiny exponent", "huge").contains(v.label()))
            .toList();

    /** Header values: a client cannot send control characters or non-ASCII ones in a header. */
    static final List<String> HEADER_VALUES = List.of(
            "",
            "x".repeat(2000),
            "-1",
            "\"-1\"",
            "\"99999999999999999999\"",
            "W/\"fuzz\"",
            "null",
            "\"\", *",
            "<script>alert(1)</script>");

    /** JSON values for a body field, by name: hostile text, extreme numbers, wrong types. */
    private static final Map<String, JsonNode> BODY = new LinkedHashMap<>();

    static {
        BODY.put("empty", JSON.textNode(""));
        BODY.put("NUL", JSON.textNode("a\u0000b"));
        BODY.put("lone surrogate", JSON.textNode("x\udc00"));
        BODY.put("very long", JSON.textNode("x".repeat(10_000)));
        BODY.put("far future", JSON.textNode("+999999999-01-01T00:00:00Z"));
        BODY.put("huge exponent text", JSON.textNode("1e999999"));
        BODY.put(
                "injection",
                JSON.textNode(
                        "<script>'\"; DROP TABLE leads; -- ${jndi:ldap://fuzz.invalid/a} #{7*7} ../../etc/passwd"));
        BODY.put("-1", JSON.numberNode(-1));
        BODY.put("huge negative", JSON.numberNode(new BigDecimal("-99999999999999999999999999.5")));
        BODY.put("huge exponent", JSON.numberNode(new BigDecimal("1e999999")));
        BODY.put("tiny exponent", JSON.numberNode(new BigDecimal("1e-999999")));
        BODY.put("object", JSON.objectNode());
        BODY.put("list with NUL", JSON.arrayNode().add("a\u0000b"));
        ObjectNode nulKey = JSON.objectNode();
        nulKey.put("a\u0000b", 1);
        BODY.put("key with NUL", nulKey);
        BODY.put("null", JSON.nullNode());
    }

    /** Every body value: for the fields the OpenAPI document and the baselines name. */
    static final List<JsonNode> BODY_VALUES = List.copyOf(BODY.values());

    /**
     * The body values that can hurt a record field of this type, and a wrong type or two: a record type has dozens
     * of fields, which the full corpus would make thousands of requests.
     */
    static List<JsonNode> bodyValuesFor(FieldType type) {
        List<String> names =
                switch (type) {
                    case TEXT ->
                        List.of("empty", "NUL", "lone surrogate", "very long", "injection", "-1", "object", "null");
                    case NUMBER ->
                        List.of(
                                "huge exponent",
                                "tiny exponent",
                                "huge negative",
                                "-1",
                                "huge exponent text",
                                "NUL",
                                "object",
                                "null");
                    case DATE, TIMESTAMP -> List.of("far future", "NUL", "empty", "huge exponent", "object", "null");
                    case UUID -> List.of("NUL", "injection", "empty", "-1", "object", "null");
                    case BOOLEAN -> List.of("-1", "empty", "NUL", "object", "null");
                    case TEXT_ARRAY, UUID_ARRAY -> List.of("list with NUL", "NUL", "object", "null");
                    case JSON -> List.of("key with NUL", "list with NUL", "NUL", "-1", "null");
                };
        return names.stream().map(BODY::get).toList();
    }

    /** The filter values that can hurt a list filter on a field of this type. */
    static List<Raw> parameterValuesFor(FieldType type) {
        List<String> labels =
                switch (type) {
                    case TEXT, JSON ->
                        List.of("empty", "NUL", "lone surrogate", "overlong UTF-8", "very long", "injection");
                    case NUMBER -> List.of("huge exponent", "tiny exponent", "huge", "negative", "NUL", "empty");
                    case DATE, TIMESTAMP -> List.of("far future", "huge exponent", "NUL", "empty");
                    case UUID, UUID_ARRAY, BOOLEAN -> List.of("NUL", "injection", "empty");
                    case TEXT_ARRAY -> List.of("NUL", "lone surrogate", "very long", "empty");
                };
        return PARAMETER_VALUES.stream().filter(v -> labels.contains(v.label())).toList();
    }
}
