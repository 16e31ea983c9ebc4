package io.salesflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesflow.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * What PostgreSQL refuses, told apart by SQLSTATE: a data exception (class 22) is the client's bad value, a 400;
 * a unique key is a real conflict, a 409. The exceptions are PostgreSQL's own, as Spring translates them; input
 * checks keep such values from reaching SQL, so this is the net under them.
 */
@IntegrationTest
class DataExceptionStatusTest {

    @Autowired
    ApiExceptionHandler handler;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void dataExceptionsAre400NotConflicts() {
        Map<String, Runnable> refusals = Map.of(
                "22021",
                () -> jdbc.queryForObject("SELECT ?::text", String.class, "a\u0000b"),
                "22008",
                () -> jdbc.queryForObject(
                        "SELECT ?::timestamptz",
                        Instant.class,
                        Timestamp.from(Instant.parse("+999999-01-01T00:00:00Z"))),
                "22003",
                () -> jdbc.queryForObject("SELECT ?::numeric(4,2)", String.class, 123456),
                "22P02",
                () -> jdbc.queryForObject("SELECT ?::uuid", String.class, "not-a-uuid"));
        refusals.forEach((sqlState, refusal) -> {
            DataIntegrityViolationException e =
                    catchThrowableOfType(refusal::run, DataIntegrityViolationException.class);
            assertThat(e).as(sqlState).isNotNull();
            ResponseEntity<Object> response = handle(e);
            assertThat(response.getStatusCode().value()).as(sqlState).isEqualTo(400);
            assertThat(((ProblemDetail) response.getBody()).getDetail()).contains(sqlState);
        });
    }

    @Test
    void aUniqueKeyIsAConflict() {
        DataIntegrityViolationException e = catchThrowableOfType(
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                    jdbc.execute("CREATE TEMP TABLE fuzz_unique (x int PRIMARY KEY) ON COMMIT DROP");
                    jdbc.update("INSERT INTO fuzz_unique VALUES (1)");
                    jdbc.update("INSERT INTO fuzz_unique VALUES (1)");
                }),
                DataIntegrityViolationException.class);
        assertThat(handle(e).getStatusCode().value()).isEqualTo(409);
    }

    private ResponseEntity<Object> handle(DataIntegrityViolationException e) {
        return handler.integrity(e, new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/leads")));
    }
}
