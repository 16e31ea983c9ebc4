package io.salesflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.HeldTransaction;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Progress while a job runs, cancelling it, and resuming one whose worker stopped. A job is held between its
 * chunks without timing anything: the rows after the first chunk belong to a user whose row the test locks, so
 * the worker waits at the first of them (inserting a record checks its owner exists) until the test lets go.
 */
@IntegrationTest
class ImportProgressTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportProperties properties;

    @Autowired
    ImportJobStore store;

    @Autowired
    ImportRunner runner;

    ImportCalls calls;
    String run;

    @BeforeEach
    void setUp() {
        calls = new ImportCalls(api);
        run = ImportApiTest.marker();
    }

    @Test
    void progressIsReadableWhileTheImportRuns() throws InterruptedException {
        int chunk = properties.chunkSize();
        try (HeldTransaction lock = userLock("rep2@acme.test")) {
            String id = calls.leads("admin@acme.test", rows(chunk, 5))
                    .expect(202)
                    .json()
                    .get("id")
                    .asText();
            JsonNode job = awaitProcessed(id, chunk);
            assertThat(job.get("status").asText()).isEqualTo("running");
            assertThat(job.get("totalRows").asInt()).isEqualTo(chunk + 5);
            assertThat(job.get("processedRows").asInt()).isEqualTo(chunk);
            assertThat(job.get("imported").asInt()).isEqualTo(chunk);
            assertThat(job.get("percent").asInt()).isEqualTo(chunk * 100 / (chunk + 5));
            lock.release();
            JsonNode done = calls.finished("admin@acme.test", id);
            assertThat(done.get("status").asText()).isEqualTo("completed");
            assertThat(done.get("imported").asInt()).isEqualTo(chunk + 5);
            assertThat(done.get("percent").asInt()).isEqualTo(100);
        }
    }

    @Test
    void aCancelledJobStopsAfterTheChunksItCommitted() throws InterruptedException {
        int chunk = properties.chunkSize();
        try (HeldTransaction lock = userLock("rep2@acme.test")) {
            String id = calls.leads("admin@acme.test", rows(chunk, 5))
                    .expect(202)
                    .json()
                    .get("id")
                    .asText();
            awaitProcessed(id, chunk);
            JsonNode cancelled = api.as("acme", "admin@acme.test", "POST", "/api/v1/imports/" + id + "/cancel")
                    .send()
                    .expect(200)
                    .json();
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
            lock.release();
            JsonNode job = calls.finished("admin@acme.test", id);
            assertThat(job.get("status").asText()).isEqualTo("cancelled");
            assertThat(job.get("processedRows").asInt()).isEqualTo(chunk);
        }
        assertThat(count("owned." + run))
                .as("the interrupted chunk rolled back")
                .isZero();
        assertThat(count("lead." + run)).isEqualTo(chunk);
    }

    @Test
    void anInterruptedJobResumesAfterItsLastCommittedChunk() {
        UUID admin = UUID.fromString(api.as("acme", "admin@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText());
        String csv = "Last Name,Email\n" + "One,r1." + run + "@resume.test\n" + "Two,r2." + run + "@resume.test\n"
                + "Three,r3." + run + "@resume.test\n" + "Four,r4." + run + "@resume.test\n";
        UUID id = UUID.randomUUID();
        UUID crashedWorker = UUID.randomUUID();
        inTenant.run("acme", () -> {
            store.insert(job(id, admin), ImportCalls.csv(csv), null, "resume-test");
            store.claim(id, crashedWorker, Duration.ofMinutes(2));
            jdbc.update("UPDATE import_jobs SET total_rows = 4, processed_rows = 2, imported = 2 WHERE id = ?", id);
        });
        assertThat(inTenant.call("acme", () -> store.claim(id, UUID.randomUUID(), properties.lease())))
                .as("nobody takes a job over while its worker holds the lease")
                .isFalse();

        inTenant.run(
                "acme",
                () -> jdbc.update("UPDATE import_jobs SET lease_until = now() - interval '1 minute' WHERE id = ?", id));
        runner.resumeInterrupted();

        JsonNode job = calls.finished("admin@acme.test", id.toString());
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("processedRows").asInt()).isEqualTo(4);
        assertThat(job.get("imported").asInt()).isEqualTo(4);
        assertThat(count("r1." + run) + count("r2." + run))
                .as("rows the crashed worker had committed are not read again")
                .isZero();
        assertThat(count("r3." + run) + count("r4." + run)).isEqualTo(2);
    }

    /**
     * A chunk's transaction that has run for {@code transaction-time} commits the rows it has: everything its rows
     * locked (a team's routing state) is let go then, not at the chunk's end. The second row waits for a locked
     * owner until its transaction is older than that time; the third waits for another, and the first two are
     * committed meanwhile.
     */
    @Test
    void aChunkCommitsItsRowsSoFarOnceItsTransactionHasRunItsTime() throws InterruptedException {
        String csv = "Last Name,Email,Owner\n"
                + "First,first." + run + "@progress.test,\n"
                + "Second,second." + run + "@progress.test,rep2@acme.test\n"
                + "Third,third." + run + "@progress.test,rep@acme.test\n";
        try (HeldTransaction third = userLock("rep@acme.test")) {
            String id;
            try (HeldTransaction second = userLock("rep2@acme.test")) {
                id = calls.leads("admin@acme.test", csv)
                        .expect(202)
                        .json()
                        .get("id")
                        .asText();
                await("the second row waiting in a transaction older than " + properties.transactionTime())
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> waitingInATransactionOlderThan(properties.transactionTime()));
                assertThat(calls.job("admin@acme.test", id).get("processedRows").asInt())
                        .isZero();
            }

            JsonNode job = awaitProcessed(id, 2);
            assertThat(job.get("processedRows").asInt()).isEqualTo(2);
            assertThat(job.get("status").asText()).isEqualTo("running");
            assertThat(count("second." + run)).isEqualTo(1);
            assertThat(count("third." + run)).isZero();
            third.release();
            assertThat(calls.finished("admin@acme.test", id).get("imported").asInt())
                    .isEqualTo(3);
        }
    }

    private boolean waitingInATransactionOlderThan(Duration age) {
        return HeldTransaction.waitsInATransactionOlderThan(jdbc, "insert into leads", age);
    }

    private ImportJob job(UUID id, UUID admin) {
        return new ImportJob(
                id,
                ImportableType.LEADS,
                FileFormat.CSV,
                "resume.csv",
                List.of("Last Name", "Email"),
                Map.of("Last Name", "lastName", "Email", "email"),
                false,
                ImportJob.Duplicates.CREATE,
                ImportJob.Status.QUEUED,
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                admin,
                "USER",
                admin,
                Set.of("leads:read", "leads:write"),
                null,
                null,
                null);
    }

    /** {@code first} leads of the importer, then {@code more} owned by rep2. */
    private String rows(int first, int more) {
        StringBuilder csv = new StringBuilder("Last Name,Email,Owner\n");
        for (int i = 0; i < first; i++) {
            csv.append("Lead ")
                    .append(i)
                    .append(",lead.")
                    .append(run)
                    .append('.')
                    .append(i)
                    .append("@progress.test,\n");
        }
        for (int i = 0; i < more; i++) {
            csv.append("Owned ")
                    .append(i)
                    .append(",owned.")
                    .append(run)
                    .append('.')
                    .append(i)
                    .append("@progress.test,rep2@acme.test\n");
        }
        return csv.toString();
    }

    private JsonNode awaitProcessed(String id, int rows) {
        return await("the first chunk of import " + id + " committed")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> calls.job("admin@acme.test", id),
                        job -> job.get("processedRows").asInt() >= rows);
    }

    private int count(String emailPart) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM leads WHERE email LIKE ?", Integer.class, "%" + emailPart + "%"));
    }

    /** Holds a user's row locked (FOR UPDATE) in a transaction of its own until released or closed. */
    /** The user's row locked by another transaction (as an admin editing them would), until closed. */
    private HeldTransaction userLock(String email) throws InterruptedException {
        return new HeldTransaction(
                inTenant, "acme", () -> jdbc.queryForList("SELECT id FROM users WHERE email = ? FOR UPDATE", email));
    }
}
