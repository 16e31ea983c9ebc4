package io.salesflow.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of problem responses that many API tests share. */
public final class ApiAssertions {

    private ApiAssertions() {}

    /** A 400 problem whose first field error names {@code field}. */
    public static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
}
