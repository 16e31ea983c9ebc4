package io.salesflow.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.records.SearchWords;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import chunk's new search words go into the workspace's dictionary after the chunk commits, not while it runs:
 * a record written meanwhile with one of those words does not wait for the chunk, and prefix search finds the
 * imported records by their new words once the import is done.
 */
@IntegrationTest
class ImportSearchWordsTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchWords searchWords;

    @Test
    void aLeadWithANewWordOfAnOpenChunkDoesNotWaitForTheChunk() throws Exception {
        String word = newWord();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> chunk = CompletableFuture.runAsync(() -> inTenant.run("acme", () -> {
            searchWords.deferInThisTransaction();
            addLead(word);
            written.countDown();
            await(finish);
        }));
        try {
            while (!written.await(100, TimeUnit.MILLISECONDS)) {
                if (chunk.isDone()) {
                    chunk.join();
                }
            }

            // without the deferral, this insert waits for the chunk's key of the word: the lock timeout ends it
            inTenant.run("acme", () -> {
                jdbc.execute("SET LOCAL lock_timeout = '3s'");
                addLead(word);
            });
        } finally {
            finish.countDown();
        }
        chunk.get(30, TimeUnit.SECONDS);

        assertThat(pending(word))
                .as("the chunk's word, pending after its commit")
                .isEqualTo(1);
        inTenant.run("acme", searchWords::movePending);
        assertThat(pending(word)).isZero();
        assertThat(inDictionary(word)).isTrue();
    }

    @Test
    void importedLeadsAreFoundByThePrefixOfAWordNewToTheWorkspace() {
        String word = newWord();
        ImportCalls imports = new ImportCalls(api);

        JsonNode job = imports.imported(
                "admin@acme.test",
                imports.leads(
                        "admin@acme.test",
                        "First Name,Last Name,Company\nMaja," + capitalised(word) + ",Prefix Tests\n"));

        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(pending(word)).isZero();
        assertThat(inDictionary(word)).isTrue();
        JsonNode hits = api.as("acme", "admin@acme.test", "GET", "/api/v1/search?q=" + word.substring(0, 9))
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(hits.findValuesAsText("title")).contains("Maja " + capitalised(word));
    }

    private void addLead(String word) {
        jdbc.update(
                "INSERT INTO leads (tenant_id, id, source, owner_id, last_name, status, created_at)"
                        + " SELECT u.tenant_id, ?, 'import', u.id, ?, 'new', now() FROM users u"
                        + " WHERE u.email = 'rep@acme.test'",
                UUID.randomUUID(),
                word);
    }

    private int pending(String word) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM search_words_pending WHERE word = ?", Integer.class, word));
    }

    private boolean inDictionary(String word) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT EXISTS (SELECT FROM search_words WHERE word = ?)", Boolean.class, word));
    }

    /** A word no record has had: letters only, lower case as the dictionary keeps it. */
    private static String newWord() {
        StringBuilder b = new StringBuilder("zq");
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
