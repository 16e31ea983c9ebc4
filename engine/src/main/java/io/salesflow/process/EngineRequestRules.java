package io.salesflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine's REST API may be asked beyond Camunda's own checks, so that no engine object ends up outside a
 * tenant (the engine's tenant check shows tenant-less objects to every tenant) and nothing bypasses model
 * validation: deployments go through Salesflow, never raw to the engine; standalone tasks, filters, messages,
 * signals and conditions name their tenant.
 */
final class EngineRequestRules {

    /** The engine API's roots: {@code /engine-rest}, a named engine under it, and Cockpit's copy of the API. */
    private static final Pattern ROOT =
            Pattern.compile("^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)(/.*)?$");

    private static final Pattern DEPLOY = Pattern.compile("/deployment/(create|[^/]+/redeploy)/?");
    private static final Pattern FILTER_WRITE = Pattern.compile("/filter/[^/]+/?");
    private static final List<String> NEED_TENANT = List.of("/message", "/signal", "/condition", "/task/create");

    private EngineRequestRules() {}

    /** The engine resource a path names ({@code /task/create}), or empty for a path outside the engine API. */
    static Optional<String> resource(String uri) {
        Matcher m = ROOT.matcher(uri);
        return m.matches() ? Optional.of(m.group(1) == null ? "/" : m.group(1)) : Optional.empty();
    }

    /** The reason to refuse the request, if there is one; {@code body} is null when there is none. */
    static Optional<Problem> check(String method, String resource, JsonNode body) {
        String path = resource.endsWith("/") && resource.length() > 1
                ? resource.substring(0, resource.length() - 1)
                : resource;
        if ("POST".equals(method) && DEPLOY.matcher(path).matches()) {
            return Optional.of(Problem.forbidden("Deployments are validated by Salesflow and cannot be made through "
                    + "the engine's API; deploy through /api/v1"));
        }
        if ("POST".equals(method) && NEED_TENANT.contains(path)) {
            return tenantOf(body, "tenantId");
        }
        if (("POST".equals(method) && path.equals("/filter/create"))
                || ("PUT".equals(method) && FILTER_WRITE.matcher(path).matches())) {
            return filterTenant(body);
        }
        return Optional.empty();
    }

    private static Optional<Problem> tenantOf(JsonNode body, String field) {
        JsonNode tenant = body == null ? null : body.get(field);
        if (body != null && body.path("withoutTenantId").asBoolean(false)) {
            return Optional.of(Problem.invalid("withoutTenantId", "engine objects always belong to a workspace"));
        }
        if (tenant == null || !tenant.isTextual() || tenant.asText().isBlank()) {
            return Optional.of(Problem.invalid(field, "name the workspace (its slug) this belongs to"));
        }
        return Optional.empty();
    }

    private static Optional<Problem> filterTenant(JsonNode body) {
        JsonNode query = body == null ? null : body.get("query");
        if (query == null || !query.isObject()) {
            return Optional.of(Problem.invalid("query", "a filter's query must name its workspace in tenantIdIn"));
        }
        if (query.path("withoutTenantId").asBoolean(false)) {
            return Optional.of(Problem.invalid("query.withoutTenantId", "a filter always belongs to a workspace"));
        }
        JsonNode tenants = query.get("tenantIdIn");
        boolean one = tenants != null
                && tenants.isArray()
                && tenants.size() == 1
                && tenants.get(0).isTextual()
                && !tenants.get(0).asText().isBlank();
        return one
                ? Optional.empty()
                : Optional.of(Problem.invalid("query.tenantIdIn", "a filter names exactly one workspace"));
    }
}
