package io.salesflow.customfield;

import java.util.List;
import java.util.UUID;

/** A custom field definition as the API shows it. */
public record CustomFieldView(
        UUID id,
        String recordType,
        String key,
        String label,
        String type,
        List<String> options,
        String lookupTarget,
        boolean required,
        String helpText,
        int position,
        boolean archived,
        long version) {}
