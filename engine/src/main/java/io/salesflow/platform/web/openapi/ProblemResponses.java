package io.salesflow.platform.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 problems an operation can answer (docs/api.md#errors), as one shared {@code Problem} schema. Which
 * statuses apply follows from what the operation has: every request can be refused (400) and needs credentials
 * (401), an id in the path can be unknown (404), an {@code If-Match} can be stale (412). A 409 or 422 that the
 * operation's own code throws is declared on the controller; here it only gets the Problem schema. A problem the
 * operation does not describe itself refers to one shared {@code components/responses} entry per status, which keeps
 * the document (and the client generated from it) from repeating the same problem a thousand times.
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    static final String RESPONSES = "#/components/responses/";

    private static final Map<String, String[]> GENERIC = new LinkedHashMap<>();

    static {
        GENERIC.put(
                "400", new String[] {"validation", "Invalid request", "email: must be a well-formed email address"});
        GENERIC.put("401", new String[] {"unauthenticated", "Unauthorized", "Sign in or send an API key"});
        GENERIC.put("403", new String[] {"forbidden", "Forbidden", "Your role does not allow this"});
        GENERIC.put("404", new String[] {"not-found", "Not found", "Lead 0b6f8f0e-… does not exist"});
        GENERIC.put("409", new String[] {"conflict", "Conflict", "The change clashes with the current state"});
        GENERIC.put(
                "412", new String[] {"precondition-failed", "Precondition failed", "If-Match names an old version"});
        GENERIC.put("413", new String[] {"payload-too-large", "Payload too large", "The body exceeds 1 MB"});
        GENERIC.put("415", new String[] {"unsupported-media-type", "Unsupported media type", "Send application/json"});
        GENERIC.put(
                "422",
                new String[] {"idempotency-key-reused", "Unprocessable", "The key was used for another request"});
        GENERIC.put("429", new String[] {"rate-limited", "Too many requests", "Wait before the next request"});
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid request: errors names each refused field or parameter",
            "401", "Missing or bad credentials",
            "403", "Your role may not do this, or the credentials belong to another workspace",
            "404", "No such resource in your workspace",
            "409", "Clashes with the current state",
            "412", "If-Match names an old version; currentETag is the current one",
            "413", "The body is too large",
            "415", "Not a media type this operation reads",
            "422", "Understood but refused",
            "429", "Too many requests: wait retryAfterSeconds (also in Retry-After)");

    private ProblemResponses() {}

    static Schema<Object> schema() {
        Schema<Object> error = Schemas.of("object")
                .addProperty("field", Schemas.of("string").description("JSON path of the field, e.g. roles[1]"))
                .addProperty("message", Schemas.of("string"))
                .required(List.of("field", "message"));
        Schema<Object> errors = Schemas.of("array");
        errors.setItems(error);
        return Schemas.of("object")
                .description("An RFC 9457 problem; some types add properties of their own (currentETag,"
                        + " retryAfterSeconds, limit, approvalId, problems, ...)")
                .addProperty("type", Schemas.of("string").description("A stable slug such as /problems/validation"))
                .addProperty("title", Schemas.of("string"))
                .addProperty("status", Schemas.of("integer").format("int32"))
                .addProperty("detail", Schemas.of("string"))
                .addProperty("instance", Schemas.of("string"))
                .addProperty("requestId", Schemas.of("string").description("Quote it when you report a problem"))
                .addProperty("errors", errors.description("Each refused field, for a validation problem"))
                .additionalProperties(true)
                .required(List.of("type", "title", "status"));
    }

    /** One shared response per status, named {@code Problem400} and so on, for operations to refer to. */
    static Map<String, ApiResponse> shared() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        DESCRIPTIONS.keySet().stream()
                .sorted()
                .forEach(status -> responses.put(
                        name(status),
                        new ApiResponse().description(DESCRIPTIONS.get(status)).content(problem(status))));
        return responses;
    }

    private static String name(String status) {
        return "Problem" + status;
    }

    /** Adds the problems {@code operation} at {@code path} can answer, and types the ones it declares itself. */
    static void add(String path, Operation operation) {
        boolean signIn = path.startsWith("/api/v1/auth/");
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean ifMatch = parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        boolean idempotent = parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        boolean body = operation.getRequestBody() != null;
        add(operation, "400", true);
        add(operation, "401", true);
        add(operation, "403", !signIn);
        add(operation, "404", path.contains("{"));
        add(operation, "409", idempotent);
        add(operation, "412", ifMatch);
        add(operation, "413", body);
        add(operation, "415", body);
        add(operation, "422", idempotent);
        add(operation, "429", true);
        operation.getResponses().forEach((status, response) -> {
            if (response.get$ref() != null || !(status.startsWith("4") || status.startsWith("5"))) {
                return;
            }
            if (DESCRIPTIONS.containsKey(status) && DESCRIPTIONS.get(status).equals(response.getDescription())) {
                response.setDescription(null);
                response.set$ref(RESPONSES + name(status));
            } else {
                response.setContent(problem(status));
            }
        });
    }

    private static void add(Operation operation, String status, boolean applies) {
        if (applies && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().$ref(RESPONSES + name(status)));
        }
    }

    private static Content problem(String status) {
        String[] sample = GENERIC.getOrDefault(status, new String[] {"internal", "Internal error", "Our fault"});
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "/problems/" + sample[0]);
        example.put("title", sample[1]);
        example.put("status", Integer.parseInt(status));
        example.put("detail", sample[2]);
        if (status.equals("400")) {
            example.put("errors", List.of(Map.of("field", "email", "message", "must be a well-formed email address")));
        }
        example.put("requestId", "6f1c2b9e0d3a");
        return new Content()
                .addMediaType(
                        Schemas.PROBLEM_JSON,
                        new MediaType().schema(Schemas.ref(SCHEMA)).example(example));
    }
}
