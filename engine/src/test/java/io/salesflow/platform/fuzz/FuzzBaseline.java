package io.salesflow.platform.fuzz;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The valid request each fuzzed request departs from: real ids in the path (so a request gets past the 404), the
 * query an operation needs, and a body it accepts. An operation added to the API without a line here fails the
 * fuzz test, so its author decides what it may safely work on.
 */
final class FuzzBaseline {

    private static final Pattern RECORD =
            Pattern.compile("/api/v1/(accounts|activities|contacts|deals|leads|notes)/\\{id}(/[a-z-]+)?");
    /** Operations that switch the whole workspace: fuzzed against an id that does not exist. */
    private static final String NOWHERE =
            UUID.nameUUIDFromBytes("fuzz-nowhere".getBytes()).toString();

    private final FuzzFixtures f;
    private final SharedWorkspace workspace;

    FuzzBaseline(FuzzFixtures fixtures, SharedWorkspace workspace) {
        this.f = fixtures;
        this.workspace = workspace;
    }

    String pathValue(ApiOperation op, String parameter) {
        String path = op.path();
        String method = op.method();
        Matcher record = RECORD.matcher(path);
        if (record.matches()) {
            String collection = record.group(1);
            String rest = record.group(2);
            if (rest == null && method.equals("DELETE")) {
                return f.id(collection + "-to-delete");
            }
            if ("/restore".equals(rest)) {
                return f.id(collection + "-deleted");
            }
            return "/convert".equals(rest) ? f.id("lead-to-convert") : f.id(collection);
        }
        if (parameter.equals("collection")) {
            return "leads";
        }
        if (path.startsWith("/api/v1/{collection}/")) {
            return f.id("leads");
        }
        boolean delete = method.equals("DELETE");
        if (path.startsWith("/api/v1/teams/")) {
            return f.id(delete ? "team-to-delete" : "team");
        }
        if (path.startsWith("/api/v1/roles/")) {
            return f.id(delete ? "role-to-delete" : "role");
        }
        if (path.startsWith("/api/v1/pipelines/")) {
            return f.id(delete ? "pipeline-to-delete" : "pipeline");
        }
        if (path.startsWith("/api/v1/custom-fields/")) {
            return f.id(delete ? "custom-field-to-delete" : "custom-field");
        }
        if (path.startsWith("/api/v1/saved-views/")) {
            return f.id(delete && path.endsWith("{id}") ? "saved-view-to-delete" : "saved-view");
        }
        if (path.startsWith("/api/v1/attachments/")) {
            return f.id(delete ? "attachment-to-delete" : "attachment");
        }
        if (path.startsWith("/api/v1/routing/rule-sets/")) {
            return path.endsWith("/activate")
                    ? NOWHERE
                    : f.id(delete ? "routing-rule-set-to-delete" : "routing-rule-set");
        }
        if (path.startsWith("/api/v1/scoring/rule-sets/")) {
            return path.endsWith("/activate") || path.endsWith("/rollback") ? NOWHERE : f.id("scoring-rule-set");
        }
        if (path.startsWith("/api/v1/users/")) {
            return f.id(parameter.equals("absenceId") ? "absence" : "user");
        }
        if (path.startsWith("/api/v1/deal-reasons/")) {
            return f.id("deal-reason");
        }
        if (path.startsWith("/api/v1/scoring/rescoring-jobs/")) {
            return f.id("rescoring-job");
        }
        if (path.startsWith("/api/v1/imports/")) {
            return f.id("import");
        }
        if (path.startsWith("/api/v1/api-keys/")) {
            return f.id("api-key");
        }
        if (path.startsWith("/api/v1/inbound-webhooks/")) {
            // Rotating a secret or removing an endpoint breaks a vendor's calls: fuzzed against one that does not
            // exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/process-triggers/") || path.startsWith("/api/v1/processes/")) {
            // Which process a workspace runs, and starting one, are shared: fuzzed against ones that do not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/tasks/") || path.startsWith("/api/v1/approvals/")) {
            // Working a task moves a process on: fuzzed against a task that does not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/process-definitions/")
                || path.startsWith("/api/v1/decision-definitions/")
                || path.startsWith("/api/v1/process-instances/")
                || path.startsWith("/api/v1/incidents/")) {
            // Suspending, resuming, cancelling and retrying move the workspace's processes: fuzzed against ones that
            // do not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/mailboxes/")) {
            // Reading a mailbox reaches an IMAP server: fuzzed against one that does not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/form-definitions/")) {
            // Read-only, and the same for an existing form as for a missing one past the tenant check.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/emails/") || path.startsWith("/api/v1/email-templates/")) {
            // Emails and templates of the shared workspace: fuzzed against ones that do not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/sequences/")) {
            // Sequences enrol records and send: fuzzed against a sequence (and enrolment) that does not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/email-suppressions/")) {
            return "fuzz-nowhere@example.com";
        }
        if (path.startsWith("/api/v1/webhook-subscriptions/") || path.startsWith("/api/v1/webhook-deliveries/")) {
            // Webhooks call out and rotate secrets: fuzzed against a subscription and a delivery that do not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/duplicates/")) {
            // Dismissing a pair changes the shared review queue: fuzzed against a pair that does not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/contracts/")) {
            // Contracts and templates of the shared workspace (sending one emails its signers): fuzzed against ones
            // that do not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/public/signing/")) {
            // A signing link nobody was sent: refused before anything is read.
            return "fuzz-nowhere";
        }
        if (path.equals("/api/v1/deals/{id}/payment-plan/start")) {
            // The fuzz deal's plan has no milestone to invoice: a fuzzed start is refused.
            return f.id("deals");
        }
        if (path.startsWith("/api/v1/payment-milestones/") || path.startsWith("/api/v1/invoices/")) {
            // Paying and releasing move a payment process: fuzzed against a milestone and an invoice that do not exist.
            return NOWHERE;
        }
        if (path.startsWith("/api/v1/text-messages/")) {
            // Read-only; a message of the fuzz workspace's lead needs Twilio, which the fuzz run does not call.
            return NOWHERE;
        }
        throw new IllegalStateException("No fuzz baseline for the path parameter " + parameter + " of " + op.label());
    }

    /** The query string (encoded) an operation needs to do anything; empty when it needs none. */
    String query(ApiOperation op) {
        return switch (op.label()) {
            case "POST /api/v1/imports" -> "recordType=leads&dryRun=true";
            case "GET /api/v1/search" -> "q=fuzz";
            case "GET /api/v1/duplicates" -> "type=lead";
            case "GET /api/v1/saved-views" -> "recordType=lead";
            case "GET /api/v1/text-messages" -> "recordType=lead&recordId=" + f.id("leads");
            case "GET /api/v1/emails" -> "recordType=lead&recordId=" + f.id("leads");
            case "GET /api/v1/contracts" -> "dealId=" + f.id("deals");
            default -> "";
        };
    }

    /** Headers the operation's client sends with every request, so the fuzzed values get past their check. */
    Map<String, String> headers(ApiOperation op) {
        return op.path().equals("/api/v1/auth/session") || op.path().equals("/api/v1/auth/session/refresh")
                ? Map.of("X-Salesflow-Session", "1")
                : Map.of();
    }

    /** A body the operation accepts (JSON text), or null when it takes none or a multipart one. */
    String body(ApiOperation op) {
        if (op.bodyType() == null || !op.bodyType().contains("json")) {
            return null;
        }
        Matcher record = Pattern.compile("/api/v1/(accounts|activities|contacts|deals|leads|notes)(/\\{id})?")
                .matcher(op.path());
        if (record.matches()) {
            return record.group(2) == null ? f.createBody(record.group(1)) : changeBody(record.group(1));
        }
        String s = f.suffix();
        return switch (op.label()) {
            case "POST /api/v1/leads/{id}/convert" -> "{}";
            case "POST /api/v1/leads/{id}/reassign" -> "{\"ownerId\":\"" + f.id("user") + "\",\"reason\":\"Fuzz\"}";
            case "POST /api/v1/leads/{id}/engagements" ->
                "{\"type\":\"email_opened\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"detail\":\"fuzz\",\"reference\":\"fuzz\"}";
            case "POST /api/v1/{collection}/merge" ->
                "{\"survivorId\":\"" + f.id("merge-survivor") + "\",\"mergedIds\":[\"" + f.id("merge-victim")
                        + "\"],\"fields\":{}}";
            case "PUT /api/v1/deals/{id}/contacts" ->
                "[{\"contactId\":\"" + f.id("contacts") + "\",\"role\":\"end_user\",\"primary\":false}]";
            case "POST /api/v1/teams" -> f.teamBody("Fuzz new team " + s);
            case "PUT /api/v1/teams/{id}" -> f.teamBody("Fuzz team " + s);
            case "PUT /api/v1/deals/{id}/line-items" ->
                "[{\"product\":\"Fuzz\",\"quantity\":1,\"unitPrice\":10,\"discountPercent\":0}]";
            // A template that does not exist: a fuzzed contract is refused before anything is generated or sent.
            case "POST /api/v1/contracts" ->
                "{\"dealId\":\"" + f.id("deals") + "\",\"templateId\":\"" + NOWHERE + "\",\"signerContactIds\":[\""
                        + f.id("contacts") + "\"]}";
            case "POST /api/v1/contracts/{id}/send" -> "{\"expiresInDays\":14}";
            case "POST /api/v1/contracts/templates", "PUT /api/v1/contracts/templates/{id}" ->
                "{\"name\":\"Fuzz contract " + s + "\",\"body\":\"<html><body><p>{{deal.name}}</p></body></html>\","
                        + "\"emailTemplateId\":\"" + NOWHERE + "\"}";
            case "POST /api/public/signing/{token}/signature" -> "{\"consent\":true,\"typedName\":\"Fuzz\"}";
            case "POST /api/public/signing/{token}/decline" -> "{\"reason\":\"Fuzz\"}";
            case "PUT /api/v1/teams/{id}/routing-members" ->
                "{\"members\":[{\"userId\":\"" + f.id("user")
                        + "\",\"weight\":1,\"dailyCap\":10,\"openCap\":10,\"active\":false}]}";
            case "POST /api/v1/routing/rule-sets",
                    "PUT /api/v1/routing/rule-sets/{id}",
                    "POST /api/v1/routing/rule-sets/validate" -> f.routingBody();
            case "POST /api/v1/roles" -> f.roleBody("fuzz_new_" + s);
            case "PUT /api/v1/roles/{id}" -> f.roleBody("fuzz_" + s);
            case "POST /api/v1/pipelines" -> f.pipelineBody("Fuzz new pipeline " + s);
            case "PUT /api/v1/pipelines/{id}" -> f.pipelineBody("Fuzz pipeline " + s);
            case "POST /api/v1/deal-reasons", "PUT /api/v1/deal-reasons/{id}" -> f.reasonBody();
            case "PUT /api/v1/duplicates/settings" -> workspace.duplicateSettings();
            case "PUT /api/v1/business-calendar" -> workspace.businessCalendar();
            case "PUT /api/v1/nurture-settings" -> workspace.nurtureSettings();
            // A mail server that does not exist (.invalid): a fuzzed send goes nowhere.
            case "PUT /api/v1/settings/email" ->
                "{\"smtpHost\":\"smtp.fuzz.invalid\",\"smtpPort\":2525,\"smtpSecurity\":\"none\","
                        + "\"fromAddress\":\"fuzz@acme.test\",\"ratePerMinute\":60}";
            case "POST /api/v1/settings/email/test" -> "{\"to\":\"fuzz@example.com\"}";
            case "POST /api/v1/emails" ->
                "{\"recordType\":\"lead\",\"recordId\":\"" + f.id("leads")
                        + "\",\"subject\":\"Fuzz\",\"text\":\"Fuzz\"}";
            case "POST /api/v1/email-suppressions" -> "{\"address\":\"fuzz-" + s + "@example.com\"}";
            case "POST /api/v1/email-templates", "PUT /api/v1/email-templates/{id}" ->
                "{\"name\":\"Fuzz template " + s + "\",\"subject\":\"Hi {{record.firstName}}\",\"text\":\"Fuzz\"}";
            case "POST /api/v1/email-templates/{id}/preview" ->
                "{\"recordType\":\"lead\",\"recordId\":\"" + f.id("leads") + "\"}";
            // A sequence that only waits: a fuzzed one sends nothing even if someone were enrolled.
            case "POST /api/v1/sequences", "PUT /api/v1/sequences/{id}" ->
                "{\"name\":\"Fuzz sequence " + s + "\",\"senderId\":\"" + f.id("user")
                        + "\",\"allowConcurrent\":false,\"stopRules\":{\"reply\":true,\"bounce\":true,"
                        + "\"unsubscribe\":true,\"meeting\":true},\"steps\":[{\"kind\":\"wait\",\"waitFor\":\"P1D\"}]}";
            case "POST /api/v1/sequences/{id}/enrolments" ->
                "{\"recordType\":\"lead\",\"recordId\":\"" + f.id("leads") + "\"}";
            case "POST /api/v1/sequences/{id}/enrolments/records" ->
                "{\"recordType\":\"lead\",\"recordIds\":[\"" + f.id("leads") + "\"]}";
            case "POST /api/v1/sequences/{id}/enrolments/bulk" ->
                "{\"savedViewId\":\"" + f.id("saved-view") + "\",\"limit\":10}";
            case "PUT /api/v1/process-triggers/{event}" -> "{\"processKey\":\"lead-nurture\",\"enabled\":true}";
            case "POST /api/v1/processes/{key}/start" -> "{\"variables\":{}}";
            case "PUT /api/v1/users/{userId}/business-calendar" -> "{\"timeZone\":\"America/New_York\"}";
            case "POST /api/v1/users" ->
                "{\"email\":\"fuzz-new-" + s + "@acme.test\",\"displayName\":\"Fuzz\",\"password\":\""
                        + FuzzFixtures.PASSWORD + "\",\"roles\":[\"sales_rep\"]}";
            case "PATCH /api/v1/users/{id}" -> "{\"displayName\":\"Fuzz user\"}";
            case "POST /api/v1/users/{id}/absences" -> f.absenceBody();
            case "POST /api/v1/scoring/rule-sets" -> f.scoringBody();
            case "PATCH /api/v1/scoring/rule-sets/{id}" -> "{\"name\":\"Fuzzed scoring\"}";
            case "POST /api/v1/scoring/preview" ->
                "{\"leadId\":\"" + f.id("leads") + "\",\"ruleSetId\":\"" + f.id("scoring-rule-set") + "\"}";
            case "POST /api/v1/routing/preview" ->
                "{\"leadId\":\"" + f.id("leads") + "\",\"ruleSetId\":\"" + f.id("routing-rule-set") + "\"}";
            case "POST /api/v1/custom-fields" ->
                "{\"recordType\":\"lead\",\"key\":\"fuzznew" + s + "\",\"label\":\"Fuzz\",\"type\":\"text\"}";
            case "PATCH /api/v1/custom-fields/{id}" -> "{\"label\":\"Fuzzed\"}";
            case "POST /api/v1/saved-views" -> f.savedViewBody("Fuzz new view " + s);
            case "POST /api/v1/mailboxes" ->
                "{\"name\":\"Fuzz box " + s + "\",\"host\":\"imap.example.invalid\",\"username\":\"fuzz\","
                        + "\"password\":\"fuzz-password\",\"purpose\":\"replies\",\"enabled\":false}";
            case "PATCH /api/v1/mailboxes/{id}" -> "{\"enabled\":false}";
            case "PATCH /api/v1/saved-views/{id}" -> "{\"name\":\"Fuzzed view " + s + "\"}";
            case "POST /api/v1/auth/login", "POST /api/v1/auth/session" ->
                "{\"tenant\":\"acme\",\"email\":\"" + f.userEmail + "\",\"password\":\"" + FuzzFixtures.PASSWORD
                        + "\"}";
            // Never the right current password: the fuzz user's sessions, which other baselines use, stay.
            case "PUT /api/v1/me/password" ->
                "{\"currentPassword\":\"not-the-password\",\"newPassword\":\"Fuzz-new-passphrase-1\"}";
            case "POST /api/v1/auth/refresh" -> "{\"refreshToken\":\"" + f.id("refresh-token") + "\"}";
            case "POST /api/v1/auth/logout" -> "{\"refreshToken\":\"" + f.id("logout-token") + "\"}";
            // An operator nobody configured: the throttle of the real one stays untouched for other tests.
            case "POST /api/v1/auth/platform/login" -> "{\"username\":\"fuzz-operator\",\"password\":\"not-it\"}";
            case "POST /api/v1/api-keys" -> f.apiKeyBody();
            case "POST /api/v1/inbound-webhooks", "PUT /api/v1/inbound-webhooks/{id}" ->
                "{\"slug\":\"fuzz-" + s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "")
                        + "\",\"name\":\"Fuzz\",\"scheme\":\"standard\",\"action\":\"create_lead\","
                        + "\"lead\":{\"source\":\"web_form\",\"fields\":{\"lastName\":\"/name\"}}}";
            case "POST /api/v1/inbound-webhooks/{id}/rotate-secret" -> "{\"overlap\":\"PT1H\"}";
            // Disabled, and to a closed port on loopback (allowlisted in tests): a fuzzed subscription calls nobody.
            case "POST /api/v1/webhook-subscriptions", "PUT /api/v1/webhook-subscriptions/{id}" ->
                "{\"url\":\"http://127.0.0.1:9/fuzz\",\"eventTypes\":[\"lead.created\"],\"description\":\"Fuzz\","
                        + "\"enabled\":false}";
            case "POST /api/v1/tasks/{id}/delegate" -> "{\"userId\":\"" + f.id("user") + "\"}";
            case "POST /api/v1/tasks/{id}/complete" -> "{\"variables\":{\"outcome\":\"reached\"}}";
            case "POST /api/v1/tasks/{id}/comments" -> "{\"message\":\"Fuzz\"}";
            case "POST /api/v1/approvals/{taskId}/approve", "POST /api/v1/approvals/{taskId}/reject" ->
                "{\"reason\":\"Fuzz\"}";
            case "POST /api/v1/approvals/approve" -> "{\"taskIds\":[\"" + NOWHERE + "\"],\"reason\":\"Fuzz\"}";
            case "POST /api/v1/process-instances/{id}/cancel" -> "{\"reason\":\"Fuzz\"}";
            // Versions that do not exist: a fuzzed migration moves nothing.
            case "POST /api/v1/process-migrations" ->
                "{\"sourceDefinitionId\":\"" + NOWHERE + "\",\"targetDefinitionId\":\"" + NOWHERE
                        + "\",\"dryRun\":true}";
            // Nothing waits for it: a fuzzed message must not move the workspace's processes.
            case "POST /api/v1/messages" -> "{\"messageName\":\"FuzzMessage\",\"businessKey\":\"lead:fuzz\"}";
            // A lead without a phone number: a fuzzed send is refused before anything is queued or sent.
            case "POST /api/v1/text-messages" ->
                "{\"recordType\":\"lead\",\"recordId\":\"" + f.id("leads")
                        + "\",\"channel\":\"sms\",\"body\":\"Fuzz\"}";
            case "PUT /api/v1/deals/{id}/payment-plan" ->
                "{\"milestones\":[{\"name\":\"Fuzz\",\"amount\":\"10.00\",\"trigger\":\"by_hand\"}]}";
            case "POST /api/v1/payment-milestones/{id}/payments" -> "{\"amount\":\"1.00\",\"reference\":\"fuzz\"}";
            // The fuzz workspace's own settings; the callback peer is never called by a fuzz run.
            case "PUT /api/v1/settings/twilio" ->
                "{\"accountSid\":\"AC" + "0".repeat(32) + "\",\"authToken\":\"fuzzTokenValue0123456789\","
                        + "\"fromNumber\":\"+14155550100\"}";
            default -> throw new IllegalStateException("No fuzz baseline for the body of " + op.label());
        };
    }

    private static String changeBody(String collection) {
        return switch (collection) {
            case "accounts" -> "{\"industry\":\"Fuzzing\"}";
            case "deals" -> "{\"name\":\"Fuzzed deal\"}";
            case "activities" -> "{\"subject\":\"Fuzzed\"}";
            case "notes" -> "{\"body\":\"Fuzzed note\"}";
            default -> "{\"title\":\"Fuzzed\"}";
        };
    }
}
