package io.salesflow.imports;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.records.FieldNames;
import io.salesflow.records.ListQuery;
import io.salesflow.records.ListQueryParser;
import io.salesflow.records.RecordService;
import io.salesflow.records.RecordType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;

/**
 * Exports whatever a record list query finds to CSV or XLSX: the same filters and sort as the list, the records
 * the caller may read and no others, every page of them, {@code fields} choosing the columns and {@code embed}
 * adding the related records' columns.
 */
@Service
public class Exports {

    private final Map<String, RecordService> services = new HashMap<>();
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    Exports(List<RecordService> services, AuditLog audit, PlatformTransactionManager transactionManager) {
        services.forEach(s -> this.services.put(s.type().table(), s));
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** An export checked and ready to stream: bad parameters and missing permissions fail here, before any byte. */
    public final class Export {
        private final RecordService service;
        private final ListQuery query;
        private final String format;
        private final List<String> columns;
        private final CursorPage<Map<String, Object>> first;

        private Export(
                RecordService service,
                ListQuery query,
                String format,
                List<String> columns,
                CursorPage<Map<String, Object>> first) {
            this.service = service;
            this.query = query;
            this.format = format;
            this.columns = columns;
            this.first = first;
        }

        public String contentType() {
            return format.equals("xlsx")
                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : "text/csv;charset=UTF-8";
        }

        public String filename() {
            return service.type().table() + "-" + LocalDate.now(ZoneOffset.UTC) + "." + format;
        }

        /** Writes every page of the query to {@code out}. */
        public void writeTo(OutputStream out) throws IOException {
            TableWriter writer = format.equals("xlsx")
                    ? new XlsxTableWriter(out, service.type().table())
                    : new CsvTableWriter(out);
            writer.header(columns);
            CursorPage<Map<String, Object>> page = first;
            while (true) {
                for (Map<String, Object> record : page.items()) {
                    writer.row(values(record));
                }
                writer.flush();
                if (page.nextCursor() == null) {
                    break;
                }
                page = service.list(page(query, page.nextCursor()));
            }
            writer.finish();
        }

        private List<Object> values(Map<String, Object> record) {
            List<Object> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                int dot = column.indexOf('.');
                if (dot > 0 && record.get(column.substring(0, dot)) instanceof Map<?, ?> related) {
                    values.add(related.get(column.substring(dot + 1)));
                } else {
                    values.add(dot > 0 ? null : record.get(column));
                }
            }
            return values;
        }
    }

    /** Reads the list parameters of {@code collection} (plus {@code format}), checks access and audits the export. */
    public Export prepare(String collection, MultiValueMap<String, String> params) {
        RecordService service = services.get(collection);
        if (service == null) {
            throw Problem.notFound("Collection", collection);
        }
        Map<String, List<String>> listParams = new LinkedHashMap<>(params);
        String format = format(listParams.remove("format"));
        listParams.remove("limit");
        listParams.remove("cursor");
        ListQuery query = ListQueryParser.parse(service.type(), listParams);
        CursorPage<Map<String, Object>> first = service.list(page(query, null));
        List<String> columns = columns(service.type(), query);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("query", listParams);
        details.put("columns", columns);
        transactions.executeWithoutResult(
                s -> audit.record("records.exported", service.type().name(), collection, null, details));
        return new Export(service, query, format, columns, first);
    }

    private static ListQuery page(ListQuery query, String cursor) {
        return new ListQuery(
                query.filters(), query.sort(), cursor, ListQueryParser.MAX_LIMIT, query.fields(), query.embed());
    }

    private static List<String> columns(RecordType type, ListQuery query) {
        List<String> columns = new ArrayList<>();
        if (query.fields().isEmpty()) {
            columns.addAll(type.fields().keySet());
        } else {
            columns.add("id");
            query.fields().stream().filter(f -> !f.equals("id")).distinct().forEach(columns::add);
        }
        for (String name : query.embed()) {
            for (String column : type.embeds().get(name).columns()) {
                columns.add(name + "." + FieldNames.camel(column));
            }
        }
        return columns;
    }

    private static String format(List<String> values) {
        String format =
                values == null || values.isEmpty() ? "csv" : values.get(0).toLowerCase(Locale.ROOT);
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw Problem.invalid("format", "must be csv or xlsx");
        }
        return format;
    }
}
