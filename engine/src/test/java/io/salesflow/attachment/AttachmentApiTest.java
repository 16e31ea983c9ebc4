package io.salesflow.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.records.DeletedRecordPurge;
import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Files on records: upload, list, download and delete; size and type checks; deleted and purged records. */
@IntegrationTest
class AttachmentApiTest {

    private static final int MAX_SIZE = 10 * 1024 * 1024;

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Autowired
    PublishedEvents events;

    @Test
    void aFileLargerThanTheJsonLimitMakesTheRoundTripByteForByte() throws Exception {
        String account = account("rep@acme.test", "Round trip");
        byte[] pdf = SampleFiles.pdf(2 * 1024 * 1024 + 17);
        String filename = "Angebot für Müller – Q3.pdf";

        Api.Response created = upload("rep@acme.test", "accounts", account, filename, "application/pdf", pdf)
                .expect(201);
        JsonNode attachment = created.json();
        String id = attachment.get("id").asText();
        assertThat(attachment.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id",
                        "recordType",
                        "recordId",
                        "filename",
                        "contentType",
                        "size",
                        "sha256",
                        "uploadedBy",
                        "createdAt",
                        "contentUrl");
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(attachment.get("filename").asText()).isEqualTo(filename);
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(attachment.get("sha256").asText()).isEqualTo(sha256);
        assertThat(attachment.get("recordType").asText()).isEqualTo("account");
        assertThat(attachment.get("recordId").asText()).isEqualTo(account);
        assertThat(attachment.get("uploadedBy").asText()).isEqualTo(userId("rep@acme.test"));
        assertThat(attachment.get("contentUrl").asText()).isEqualTo("/api/v1/attachments/" + id + "/content");
        assertThat(created.header("Location")).contains("/api/v1/attachments/" + id);

        JsonNode listed = api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + account + "/attachments")
                .send()
                .expect(200)
                .json();
        assertThat(listed.get("items").findValuesAsText("id")).containsExactly(id);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + id)
                        .send()
                        .expect(200)
                        .json()
                        .get("sha256")
                        .asText())
                .isEqualTo(sha256);

        Api.Response download = api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + id + "/content")
                .send()
                .expect(200);
        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Length")).contains(String.valueOf(pdf.length));
        assertThat(download.header("ETag")).contains("\"" + sha256 + "\"");
        assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.header("Content-Disposition"))
                .contains("attachment; filename=\"Angebot f_r M_ller _ Q3.pdf\"; "
                        + "filename*=UTF-8''Angebot%20f%C3%BCr%20M%C3%BCller%20%E2%80%93%20Q3.pdf");
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + id + "/content")
                        .header("If-None-Match", "\"" + sha256 + "\"")
                        .send()
                        .status())
                .isEqualTo(304);

        assertThat(events.of(AttachmentAdded.class).map(AttachmentAdded::attachmentId))
                .contains(UUID.fromString(id));
        assertThat(auditActions(id)).containsExactly("attachment.added");
    }

    @Test
    void deletingAnAttachmentRemovesItsContentAndIsAudited() {
        String account = account("rep@acme.test", "Delete one");
        String id = uploaded("rep@acme.test", "accounts", account, "notes.txt", "text/plain", SampleFiles.text("hi"));

        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/attachments/" + id)
                .send()
                .expect(204);

        api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + id)
                .send()
                .expect(404);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + id + "/content")
                .send()
                .expect(404);
        assertThat(rows("attachments", id)).isZero();
        assertThat(rows("attachment_contents", id)).isZero();
        assertThat(auditActions(id)).containsExactly("attachment.added", "attachment.deleted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"accounts", "contacts", "leads", "deals"})
    void everyRecordTypeTakesAttachments(String collection) {
        Map<String, Object> body =
                switch (collection) {
                    case "accounts" -> Map.of("name", "With files");
                    case "contacts" -> Map.of("lastName", "With files");
                    case "leads" -> Map.of("lastName", "With files", "source", "api");
                    default -> Map.of("name", "With files", "amount", 100, "currency", "EUR");
                };
        String record = api.as("acme", "rep@acme.test", "POST", "/api/v1/" + collection)
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String id = uploaded("rep@acme.test", collection, record, "logo.png", "image/png", SampleFiles.png(300));
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/" + collection + "/" + record + "/attachments")
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsText("id"))
                .containsExactly(id);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/pipelines/" + record + "/attachments")
                .send()
                .expect(404);
    }

    @Test
    void listsArePagedNewestFirst() {
        String account = account("rep@acme.test", "Many files");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(
                    0,
                    uploaded(
                            "rep@acme.test",
                            "accounts",
                            account,
                            "n" + i + ".txt",
                            "text/plain",
                            SampleFiles.text("n" + i)));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.as(
                            "acme",
                            "rep@acme.test",
                            "GET",
                            "/api/v1/accounts/" + account + "/attachments?limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor))
                    .send()
                    .expect(200)
                    .json();
            seen.addAll(page.get("items").findValuesAsText("id"));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertProblem(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + account + "/attachments?cursor=bm9wZQ")
                        .send(),
                400,
                "cursor");
    }

    @Test
    void aFileOverTheLimitIs413NamingTheFileAndNothingIsStored() {
        String account = account("rep@acme.test", "Too large");
        long[] before = storedInAcme();

        Api.Response justOver = upload(
                "rep@acme.test", "accounts", account, "big.pdf", "application/pdf", SampleFiles.pdf(MAX_SIZE + 1));
        assertProblem(justOver, 413, "file");
        Api.Response declaredFarOver = upload(
                "rep@acme.test",
                "accounts",
                account,
                "huge.pdf",
                "application/pdf",
                SampleFiles.pdf(MAX_SIZE + 200_000));
        assertProblem(declaredFarOver, 413, "file");
        Api.Response chunkedFarOver = api.as(
                        "acme", "rep@acme.test", "POST", "/api/v1/accounts/" + account + "/attachments")
                .file("file", "huge.pdf", "application/pdf", SampleFiles.pdf(MAX_SIZE + 200_000))
                .chunked()
                .send();
        assertProblem(chunkedFarOver, 413, "file");

        assertThat(storedInAcme()).containsExactly(before);
    }

    @Test
    void otherApiRoutesKeepTheGeneralBodyLimit() {
        Api.Response r = api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts")
                .file("file", "big.pdf", "application/pdf", SampleFiles.pdf(2 * 1024 * 1024))
                .send();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("type").asText()).isEqualTo("/problems/payload-too-large");
    }

    @Test
    void anEmptyOrMissingFileIs400NamingTheFile() {
        String account = account("rep@acme.test", "Empty");
        long[] before = storedInAcme();
        assertProblem(
                upload("rep@acme.test", "accounts", account, "empty.pdf", "application/pdf", new byte[0]), 400, "file");
        assertProblem(
                api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts/" + account + "/attachments")
                        .file("document", "a.pdf", "application/pdf", SampleFiles.pdf(100))
                        .send(),
                400,
                "file");
        assertProblem(
                upload("rep@acme.test", "accounts", account, "...", "application/pdf", SampleFiles.pdf(100)),
                400,
                "file");
        assertThat(storedInAcme()).containsExactly(before);
    }

    @Test
    void disallowedAndMismatchedTypesAre415AndNothingIsStored() {
        String account = account("rep@acme.test", "Wrong types");
        long[] before = storedInAcme();
        assertProblem(
                upload("rep@acme.test", "accounts", account, "invoice.pdf", "application/pdf", SampleFiles.exe()),
                415,
                "file");
        assertProblem(
                upload(
                        "rep@acme.test",
                        "accounts",
                        account,
                        "setup.exe",
                        "application/x-msdownload",
                        SampleFiles.exe()),
                415,
                "file");
        assertProblem(
                upload(
                        "rep@acme.test",
                        "accounts",
                        account,
                        "notes.txt",
                        "text/plain",
                        SampleFiles.text("<html><script>alert(1)</script></html>")),
                415,
                "file");
        assertProblem(
                upload(
                        "rep@acme.test",
                        "accounts",
                        account,
                        "logo.svg",
                        "image/svg+xml",
                        SampleFiles.text("<svg onload=\"alert(1)\"/>")),
                415,
                "file");
        assertProblem(
                upload("rep@acme.test", "accounts", account, "photo.png", "image/png", SampleFiles.pdf(100)),
                415,
                "file");
        assertProblem(
                upload("rep@acme.test", "accounts", account, "photo.png", "application/pdf", SampleFiles.png(100)),
                415,
                "file");
        assertProblem(
                upload("rep@acme.test", "accounts", account, "photos.zip", "application/zip", SampleFiles.zip("a.jpg")),
                415,
                "file");
        assertThat(storedInAcme()).containsExactly(before);

        String docx = uploaded(
                "rep@acme.test",
                "accounts",
                account,
                "proposal.docx",
                "application/octet-stream",
                SampleFiles.ooxml("word"));
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + docx)
                        .send()
                        .json()
                        .get("contentType")
                        .asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void anUploadWithAnIdempotencyKeyIsKeptOnce() {
        String account = account("rep@acme.test", "Retried upload");
        byte[] png = SampleFiles.png(5000);
        String key = UUID.randomUUID().toString();
        Api.Response first = api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts/" + account + "/attachments")
                .header("Idempotency-Key", key)
                .file("file", "logo.png", "image/png", png)
                .send()
                .expect(201);
        Api.Response again = api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts/" + account + "/attachments")
                .header("Idempotency-Key", key)
                .file("file", "logo.png", "image/png", png)
                .send()
                .expect(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts/" + account + "/attachments")
                        .header("Idempotency-Key", key)
                        .file("file", "logo.png", "image/png", SampleFiles.png(5001))
                        .send()
                        .status())
                .as("another file with the same key")
                .isEqualTo(422);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + account + "/attachments")
                        .send()
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void aDeletedRecordHidesItsAttachmentsUntilItIsRestored() {
        String account = account("rep@acme.test", "Deleted with files");
        byte[] png = SampleFiles.png(1000);
        String id = uploaded("rep@acme.test", "accounts", account, "logo.png", "image/png", png);

        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/accounts/" + account)
                .send()
                .expect(204);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + account + "/attachments")
                .send()
                .expect(404);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + id)
                .send()
                .expect(404);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + id + "/content")
                .send()
                .expect(404);
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/attachments/" + id)
                .send()
                .expect(404);
        upload("rep@acme.test", "accounts", account, "more.png", "image/png", png)
                .expect(404);

        api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts/" + account + "/restore")
                .send()
                .expect(200);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + id + "/content")
                        .send()
                        .expect(200)
                        .bytes())
                .isEqualTo(png);
    }

    @Test
    void purgingARecordRemovesItsAttachmentsAndTheirContent(@Autowired DeletedRecordPurge purge) {
        String account = account("rep@acme.test", "Purged with files");
        String kept = account("rep@acme.test", "Not purged");
        String id = uploaded("rep@acme.test", "accounts", account, "logo.png", "image/png", SampleFiles.png(1000));
        String other = uploaded("rep@acme.test", "accounts", kept, "logo.png", "image/png", SampleFiles.png(1000));
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/accounts/" + account)
                .send()
                .expect(204);
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE accounts SET deleted_at = now() - interval '31 days' WHERE id = ?::uuid", account));

        purge.purge();

        await().atMost(DurableEventProbe.PATIENCE).until(() -> rows("attachments", id) == 0);
        assertThat(rows("attachment_contents", id)).isZero();
        assertThat(rows("attachments", other)).isOne();
        assertThat(rows("attachment_contents", other)).isOne();
    }

    private Api.Response upload(
            String email, String collection, String record, String filename, String type, byte[] content) {
        return api.as("acme", email, "POST", "/api/v1/" + collection + "/" + record + "/attachments")
                .file("file", filename, type, content)
                .send();
    }

    private String uploaded(
            String email, String collection, String record, String filename, String type, byte[] content) {
        return upload(email, collection, record, filename, type, content)
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private String account(String email, String name) {
        return api.as("acme", email, "POST", "/api/v1/accounts")
                .json(Map.of("name", name))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private String userId(String email) {
        return api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }

    private int rows(String table, String id) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?::uuid", Integer.class, id));
    }

    /** How many attachments and contents acme has. */
    private long[] storedInAcme() {
        return inTenant.call("acme", () -> new long[] {
            jdbc.queryForObject("SELECT count(*) FROM attachments", Long.class),
            jdbc.queryForObject("SELECT count(*) FROM attachment_contents", Long.class)
        });
    }

    private List<String> auditActions(String id) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE resource_type = 'attachment' AND resource_id = ? ORDER BY id",
                        String.class,
                        id));
    }

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
}
