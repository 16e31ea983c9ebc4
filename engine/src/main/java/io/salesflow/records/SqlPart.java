package io.salesflow.records;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL with its parameters, built only from field definitions and bound values. */
public record SqlPart(String sql, List<Object> params) {

    static SqlPart of(String sql, Object... params) {
        return new SqlPart(sql, List.of(params));
    }

    /** One bound value. */
    static SqlPart bind(Object value) {
        return of("?", value);
    }

    /** Pieces in order: text is SQL written by the caller, a part brings its SQL and its parameters. */
    static SqlPart join(Object... pieces) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Object piece : pieces) {
            if (piece instanceof SqlPart p) {
                sql.append(p.sql);
                params.addAll(p.params);
            } else {
                sql.append((String) piece);
            }
        }
        return new SqlPart(sql.toString(), params);
    }

    static SqlPart and(List<SqlPart> parts) {
        if (parts.isEmpty()) {
            return of("TRUE");
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (SqlPart p : parts) {
            if (!sql.isEmpty()) {
                sql.append(" AND ");
            }
            sql.append('(').append(p.sql).append(')');
            params.addAll(p.params);
        }
        return new SqlPart(sql.toString(), params);
    }

    static SqlPart or(List<SqlPart> parts) {
        if (parts.isEmpty()) {
            return of("FALSE");
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (SqlPart p : parts) {
            if (!sql.isEmpty()) {
                sql.append(" OR ");
            }
            sql.append('(').append(p.sql).append(')');
            params.addAll(p.params);
        }
        return new SqlPart(sql.toString(), params);
    }
}
