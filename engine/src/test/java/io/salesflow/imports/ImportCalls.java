package io.salesflow.imports;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/** The calls import tests make: upload a file as a demo user and wait for the job to finish. */
final class ImportCalls {

    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    private final Api api;

    ImportCalls(Api api) {
        this.api = api;
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    Api.Response upload(String tenant, String email, Multipart form) {
        return api.as(tenant, email, "POST", "/api/v1/imports").multipart(form).send();
    }

    /** Uploads a CSV of leads as an acme user with the given extra form fields (name, value, name, value, ...). */
    Api.Response leads(String email, String csv, String... fields) {
        Multipart form = new Multipart().field("recordType", "leads");
        for (int i = 0; i < fields.length; i += 2) {
            form.field(fields[i], fields[i + 1]);
        }
        return upload("acme", email, form.file("file", "leads.csv", "text/csv", csv(csv)));
    }

    JsonNode job(String email, String id) {
        return api.as("acme", email, "GET", "/api/v1/imports/" + id)
                .send()
                .expect(200)
                .json();
    }

    /** The row errors of an acme job, as its admin reads them. */
    JsonNode errors(JsonNode job) {
        return api.as(
                        "acme",
                        "admin@acme.test",
                        "GET",
                        "/api/v1/imports/" + job.get("id").asText() + "/errors")
                .send()
                .expect(200)
                .json()
                .get("items");
    }

    /** Waits for the job to finish (a stuck job fails the test). */
    JsonNode finished(String email, String id) {
        return await("import " + id + " finished")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> job(email, id),
                        job -> FINISHED.contains(job.get("status").asText()));
    }

    /** Starts an import that must be accepted and returns the finished job. */
    JsonNode imported(String email, Api.Response upload) {
        return finished(email, upload.expect(202).json().get("id").asText());
    }
}
