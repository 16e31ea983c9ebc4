package io.salesflow.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.RecordScenarios;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attachments follow their record: who reads the record reads its files, who may change it adds and removes
 * them; a record outside the caller's reach, or in another workspace, is not found.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentAccessTest {

    @Autowired
    Api api;

    private final Map<String, String> accountOf = new HashMap<>();
    private final Map<String, String> attachmentOf = new HashMap<>();

    @BeforeAll
    void accountsWithAFileOwnedByDifferentPeople() {
        accountOf.putAll(RecordScenarios.ownedBy(
                api, "/api/v1/accounts", List.of("rep", "rep2", "marketing"), o -> Map.of("name", "Files of " + o)));
        accountOf.forEach((owner, account) -> attachmentOf.put(
                owner,
                api.as("acme", "admin@acme.test", "POST", "/api/v1/accounts/" + account + "/attachments")
                        .file("file", "brief.pdf", "application/pdf", SampleFiles.pdf(500))
                        .send()
                        .expect(201)
                        .json()
                        .get("id")
                        .asText()));
    }

    @ParameterizedTest(name = "{0} reads the files of {1}''s account: {2}")
    @CsvSource({
        "rep, rep, 200",
        "rep, rep2, 200",
        "rep, marketing, 404",
        "manager, rep2, 200",
        "auditor, marketing, 200",
        "finance, rep, 200"
    })
    void read(String caller, String owner, int status) {
        String email = caller + "@acme.test";
        String attachment = attachmentOf.get(owner);
        assertThat(api.as("acme", email, "GET", "/api/v1/accounts/" + accountOf.get(owner) + "/attachments")
                        .send()
                        .status())
                .isEqualTo(status);
        assertThat(api.as("acme", email, "GET", "/api/v1/attachments/" + attachment)
                        .send()
                        .status())
                .isEqualTo(status);
        assertThat(api.as("acme", email, "GET", "/api/v1/attachments/" + attachment + "/content")
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} adds a file to {1}''s account: {2}")
    @CsvSource({
        "rep, rep, 201",
        "rep, rep2, 403",
        "rep, marketing, 404",
        "manager, rep2, 201",
        "auditor, rep, 403",
        "finance, rep, 403"
    })
    void upload(String caller, String owner, int status) {
        assertThat(api.as(
                                "acme",
                                caller + "@acme.test",
                                "POST",
                                "/api/v1/accounts/" + accountOf.get(owner) + "/attachments")
                        .file("file", "note.txt", "text/plain", SampleFiles.text("from " + caller))
                        .send()
                        .status())
                .isEqualTo(status);
    }

    @Test
    void aRepWhoOnlyReadsARecordCannotRemoveItsFilesButItsOwnerCan() {
        String attachment = api.as(
                        "acme", "rep2@acme.test", "POST", "/api/v1/accounts/" + accountOf.get("rep2") + "/attachments")
                .file("file", "mine.txt", "text/plain", SampleFiles.text("rep2's"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertThat(api.as("acme", "rep@acme.test", "DELETE", "/api/v1/attachments/" + attachment)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "rep@acme.test", "DELETE", "/api/v1/attachments/" + attachmentOf.get("marketing"))
                        .send()
                        .status())
                .as("the rep may not read marketing's account")
                .isEqualTo(404);
        assertThat(api.as("acme", "rep2@acme.test", "DELETE", "/api/v1/attachments/" + attachment)
                        .send()
                        .status())
                .isEqualTo(204);
    }

    @Test
    void anotherTenantGets404ForEveryOperation() {
        String account = accountOf.get("rep");
        String attachment = attachmentOf.get("rep");
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/accounts/" + account + "/attachments")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/accounts/" + account + "/attachments")
                        .file("file", "smuggled.txt", "text/plain", SampleFiles.text("hello"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/attachments/" + attachment)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/attachments/" + attachment + "/content")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "DELETE", "/api/v1/attachments/" + attachment)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/attachments/" + attachment + "/content")
                        .send()
                        .status())
                .as("still there for its own workspace")
                .isEqualTo(200);
    }
}
