package io.salesflow.platform.web.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Small builders for the OpenAPI 3.1 document springdoc serves: a type is written from {@code types}, so a schema
 * made with {@code type(...)} alone would come out empty.
 */
public final class Schemas {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String REF = "#/components/schemas/";

    private Schemas() {}

    public static Schema<Object> of(String... types) {
        Schema<Object> schema = new Schema<>();
        schema.setTypes(new LinkedHashSet<>(List.of(types)));
        return schema;
    }

    public static Schema<Object> ref(String name) {
        return new Schema<>().$ref(REF + name);
    }

    public static Content json(Schema<?> schema) {
        return new Content().addMediaType(JSON, new MediaType().schema(schema));
    }
}
