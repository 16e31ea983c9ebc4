package io.salesflow.platform.fuzz;

import io.salesflow.records.Operator;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests for one operation: its baseline with one thing replaced by each corpus value, in turn, for each
 * path parameter, query parameter (a record list's filters and paging too), header and body field (nested ones
 * and, where the document says only {@code type: object}, the record type's fields), then malformed bodies. The
 * baseline itself goes last, so destructive operations are fuzzed before they destroy their target.
 */
final class FuzzRequests {

    private static final Pattern RECORD_PATH =
            Pattern.compile("/api/v1/(accounts|activities|contacts|deals|leads|notes)(/\\{id}|/export)?");
    private static final Set<String> PAGING = Set.of("limit", "cursor", "sort", "fields", "embed");
    /** Values the request filter refuses, so an unknown parameter never lets an operation run. */
    private static final Set<String> REFUSED = Set.of("NUL", "lone surrogate", "overlong UTF-8");
    /**
     * Operations whose baseline is never sent: one acts on the whole workspace, the other would end every session of
     * the fuzzing admin, whose access token other tests share.
     */
    private static final Set<String> SWITCHES =
            Set.of("POST /api/v1/routing/rule-sets/rollback", "POST /api/v1/auth/sessions/end-all");

    private final FuzzBaseline baseline;
    private final FuzzFixtures fixtures;
    private final Map<String, RecordType> recordTypes;

    FuzzRequests(FuzzFixtures fixtures, SharedWorkspace workspace, List<RecordType> recordTypes) {
        this.fixtures = fixtures;
        this.baseline = new FuzzBaseline(fixtures, workspace);
        this.recordTypes = new LinkedHashMap<>();
        recordTypes.forEach(t -> this.recordTypes.put(t.table(), t));
    }

    List<FuzzRequest> of(ApiOperation op) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        op.parameters().stream()
                .filter(p -> p.in().equals("path"))
                .forEach(p -> pathValues.put(p.name(), baseline.pathValue(op, p.name())));
        String query = baseline.query(op);
        String body = baseline.body(op);
        boolean multipart = op.bodyType() != null && op.bodyType().startsWith("multipart/");
        List<FuzzRequest> requests = new ArrayList<>();
        for (String parameter : pathValues.keySet()) {
            for (FuzzCorpus.Raw value : FuzzCorpus.PATH_VALUES) {
                Map<String, String> mutated = new LinkedHashMap<>(pathValues);
                mutated.put(parameter, value.encoded());
                requests.add(send(
                        op,
                        "path " + parameter + "=" + value.label(),
                        path(op, mutated, query),
                        Map.of(),
                        body,
                        multipart));
            }
        }
        queryParameters(op).forEach((parameter, values) -> {
            for (FuzzCorpus.Raw value : values) {
                String mutated = withParameter(query, parameter, value.encoded());
                requests.add(send(
                        op,
                        "query " + parameter + "=" + value.label(),
                        path(op, pathValues, mutated),
                        Map.of(),
                        body,
                        multipart));
            }
        });
        for (FuzzCorpus.Raw value : FuzzCorpus.PARAMETER_VALUES) {
            if (REFUSED.contains(value.label())) {
                String mutated = withParameter(query, "fuzz", value.encoded());
                requests.add(send(
                        op,
                        "unknown parameter=" + value.label(),
                        path(op, pathValues, mutated),
                        Map.of(),
                        body,
                        multipart));
            }
        }
        String path = path(op, pathValues, query);
        op.parameters().stream().filter(p -> p.in().equals("header")).forEach(header -> {
            for (String value : FuzzCorpus.HEADER_VALUES) {
                requests.add(send(
                        op,
                        "header " + header.name() + "=" + shorten(value),
                        path,
                        Map.of(header.name(), value),
                        body,
                        multipart));
            }
        });
        if (body != null) {
            Matcher record = RECORD_PATH.matcher(op.path());
            List<RecordField> recordFields =
                    record.matches() && !"/export".equals(record.group(2)) ? fields(record.group(1)) : List.of();
            requests.addAll(FuzzFields.requests(op, path, body, recordFields));
            requests.addAll(FuzzBodies.malformed(op, path, body));
        }
        if (multipart) {
            requests.addAll(FuzzBodies.multipart(op, path, fixtures));
        }
        if (!SWITCHES.contains(op.label())) {
            requests.add(send(op, "baseline", path, Map.of(), body, multipart));
        }
        Map<String, String> headers = baseline.headers(op);
        requests.replaceAll(request -> request.withBaseHeaders(headers));
        return requests;
    }

    private FuzzRequest send(
            ApiOperation op,
            String mutation,
            String path,
            Map<String, String> headers,
            String body,
            boolean multipart) {
        return multipart
                ? FuzzBodies.baseMultipart(op, mutation, path, headers, fixtures)
                : FuzzRequest.json(op, mutation, path, headers, body);
    }

    /**
     * Documented query parameters, with every value; for a record list or export also the paging, and each field as
     * a filter with the values for its type.
     */
    private Map<String, List<FuzzCorpus.Raw>> queryParameters(ApiOperation op) {
        Map<String, List<FuzzCorpus.Raw>> parameters = new LinkedHashMap<>();
        op.parameters().stream()
                .filter(p -> p.in().equals("query"))
                .forEach(p -> parameters.put(p.name(), FuzzCorpus.PARAMETER_VALUES));
        Matcher record = RECORD_PATH.matcher(op.path());
        if (op.method().equals("GET") && record.matches() && "/export".equals(record.group(2))) {
            // The export reads its query with the list's parser, which the list's own fuzzing covers field by field.
            PAGING.forEach(name -> parameters.put(name, FuzzCorpus.PARAMETER_VALUES));
            parameters.put("format", FuzzCorpus.PARAMETER_VALUES);
        } else if (op.method().equals("GET") && record.matches() && record.group(2) == null) {
            PAGING.forEach(name -> parameters.put(name, FuzzCorpus.PARAMETER_VALUES));
            for (RecordField field : fields(record.group(1))) {
                if (!field.operators().isEmpty()) {
                    parameters.putIfAbsent(filter(field), FuzzCorpus.parameterValuesFor(field.type()));
                }
            }
        }
        return parameters;
    }

    /** The field with an operator it takes: {@code eq} where it may, else its first. */
    private static String filter(RecordField field) {
        if (field.operators().contains(Operator.EQ)) {
            return field.name();
        }
        Operator first = field.operators().stream().sorted().findFirst().orElseThrow();
        return field.name() + "[" + first.token() + "]";
    }

    private List<RecordField> fields(String collection) {
        List<RecordField> fields =
                new ArrayList<>(recordTypes.get(collection).fields().values());
        if (collection.equals("leads")) {
            String prefix = "customFields.";
            fields.add(RecordField.number(prefix + fixtures.customFieldKey("number"), "-"));
            fields.add(RecordField.date(prefix + fixtures.customFieldKey("date"), "-"));
            fields.add(RecordField.text(prefix + fixtures.customFieldKey("text"), "-"));
        }
        return fields;
    }

    private static String path(ApiOperation op, Map<String, String> values, String query) {
        String path = op.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String withParameter(String query, String name, String encodedValue) {
        String encodedName = name.replace("[", "%5B").replace("]", "%5D");
        StringBuilder out = new StringBuilder();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            if (!pair.startsWith(encodedName + "=")) {
                out.append(out.isEmpty() ? "" : "&").append(pair);
            }
        }
        return out.append(out.isEmpty() ? "" : "&")
                .append(encodedName)
                .append('=')
                .append(encodedValue)
                .toString();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
    }
}
