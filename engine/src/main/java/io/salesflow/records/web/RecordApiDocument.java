package io.salesflow.records.web;

import io.salesflow.platform.web.openapi.Schemas;
import io.salesflow.records.RecordType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Types the record API in the OpenAPI document: the controllers take and give JSON objects whose fields each record
 * type declares, so springdoc alone sees only {@code type: object}. Runs before the document-wide customizer,
 * which adds examples and problems to what this leaves.
 */
@Component
class RecordApiDocument implements OperationCustomizer, OpenApiCustomizer, Ordered {

    private final List<RecordType> types;

    RecordApiDocument(List<RecordType> types) {
        this.types = types;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        types.stream()
                .sorted(java.util.Comparator.comparing(RecordType::name))
                .forEach(type -> new RecordSchemas(type).all().forEach(components::addSchemas));
        RecordSchemas.timeline().forEach(components::addSchemas);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!RecordController.class.isAssignableFrom(handlerMethod.getBeanType())) {
            return operation;
        }
        // The controller is proxied for method validation; the proxy's own fields are empty.
        Object bean = handlerMethod.createWithResolvedBean().getBean();
        Object target = AopProxyUtils.getSingletonTarget(bean);
        bean = target == null ? bean : target;
        String name = new RecordSchemas(((RecordController) bean).recordType()).name();
        switch (handlerMethod.getMethod().getName()) {
            case "list" -> ok(operation, "200", "OK", name + "Page");
            case "get", "restore" -> ok(operation, "200", "OK", name);
            case "change" -> {
                operation.setRequestBody(body(name + "Change"));
                ok(operation, "200", "OK", name);
            }
            case "create" -> {
                operation.setRequestBody(body(name + "Input"));
                operation.getResponses().remove("200");
                ok(operation, "201", "Created; Location names the new record", name);
            }
            case "delete" -> {
                operation.getResponses().remove("200");
                operation.getResponses().addApiResponse("204", new ApiResponse().description("Deleted"));
            }
            case "timeline" -> ok(operation, "200", "OK", RecordSchemas.TIMELINE_PAGE);
            default -> {
                // history and the type's own operations are typed by their DTOs
            }
        }
        return operation;
    }

    private static void ok(Operation operation, String status, String description, String schema) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation
                .getResponses()
                .addApiResponse(
                        status, new ApiResponse().description(description).content(Schemas.json(Schemas.ref(schema))));
    }

    private static RequestBody body(String schema) {
        return new RequestBody().required(true).content(Schemas.json(Schemas.ref(schema)));
    }
}
