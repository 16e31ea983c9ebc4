package io.salesflow.records;

/** How a column is named in the API: {@code owner_id} is {@code ownerId}. */
public final class FieldNames {

    private FieldNames() {}

    public static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
