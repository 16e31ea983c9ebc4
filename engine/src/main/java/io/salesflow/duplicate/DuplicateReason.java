package io.salesflow.duplicate;

/**
 * Why two records look like the same: {@code same_email}, {@code same_phone}, {@code same_domain},
 * {@code similar_name} or {@code similar_company_name}; how alike the compared values are (1 for the exact ones);
 * and the values, e.g. {@code jo@acme.io} or {@code Jon Smith ~ John Smith}.
 */
public record DuplicateReason(String reason, double similarity, String detail) {}
