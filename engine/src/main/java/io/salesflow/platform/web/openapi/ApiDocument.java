package io.salesflow.platform.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Makes {@code /v3/api-docs} the typed contract the web app's client is generated from
 * ({@code webapp/openapi/salesflow.json}): the same on every machine (server {@code /}, operation ids that do not
 * depend on scan order), JSON responses named as such, problem responses on every operation, and an example on
 * every request or response that has none. Runs after the modules' own customizers.
 */
@Component
class ApiDocument implements OpenApiCustomizer, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setServers(List.of(new Server().url("/")));
        openApi.setInfo(new Info()
                .title("Salesflow API")
                .version("v1")
                .description("The product API under /api/v1; errors are application/problem+json (docs/api.md)."));
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(ProblemResponses.SCHEMA, ProblemResponses.schema());
        ProblemResponses.shared().forEach(openApi.getComponents()::addResponses);
        OperationIds.makeStable(openApi.getPaths());
        SchemaExamples examples = new SchemaExamples(openApi.getComponents().getSchemas());
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().values().forEach(operation -> {
                    nameMediaTypes(operation);
                    ProblemResponses.add(path, operation);
                    addExamples(operation, examples);
                }));
    }

    /** springdoc names a response {@code *}{@code /*} when the handler declares nothing; the body is JSON or bytes. */
    private static void nameMediaTypes(Operation operation) {
        operation.getResponses().values().forEach(response -> {
            Content content = response.getContent();
            if (content == null || !content.containsKey("*/*")) {
                return;
            }
            MediaType any = content.remove("*/*");
            Schema<?> schema = any.getSchema();
            boolean bytes = schema != null && "binary".equals(schema.getFormat());
            content.addMediaType(bytes ? "application/octet-stream" : Schemas.JSON, any);
        });
    }

    /** An example for the body, else for each success, where none is given: a reader sees a value of every shape. */
    private static void addExamples(Operation operation, SchemaExamples examples) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().forEach((type, media) -> example(type, media, examples));
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                response.getContent().forEach((type, media) -> example(type, media, examples));
            }
        });
    }

    private static void example(String type, MediaType media, SchemaExamples examples) {
        if (media.getExample() != null || media.getExamples() != null || media.getSchema() == null) {
            return;
        }
        if (!type.contains("json") || examples.hasOwn(media.getSchema())) {
            return;
        }
        Object example = examples.of(media.getSchema());
        if (example != null && !(example instanceof Map<?, ?> map && map.isEmpty())) {
            media.setExample(example);
        }
    }
}
