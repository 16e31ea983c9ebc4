package io.salesflow.records;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's search dictionary ({@code search_words}: every word indexed, which prefix and typo search expand a
 * query word to) for long write transactions. A transaction that adds a word to the dictionary holds the word's key
 * until it ends, and every other record with the word waits for it. A long transaction (an import chunk) therefore
 * defers its new words ({@link #deferInThisTransaction}) and moves them in afterwards ({@link #movePending}), so
 * nothing waits on it for a word (migration V98).
 */
@Component
public class SearchWords {

    private final JdbcTemplate jdbc;

    SearchWords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Leaves the words of records the current transaction writes out of the dictionary, noted as pending; their
     * postings, which exact search reads, are written as always.
     */
    public void deferInThisTransaction() {
        jdbc.queryForObject("SELECT set_config('app.defer_search_words', 'on', true)", String.class);
    }

    /**
     * Moves the current tenant's pending words, from every transaction that committed them, into the dictionary, in
     * a short transaction of its own; answers how many words were new. Words of a transaction that never got here
     * (a process ended between its commit and this) are moved by the next call.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int movePending() {
        return jdbc.update(
                """
                WITH moved AS (DELETE FROM search_words_pending RETURNING tenant_id, word)
                INSERT INTO search_words (tenant_id, word)
                SELECT DISTINCT tenant_id, word FROM moved ORDER BY 1, 2
                ON CONFLICT DO NOTHING
                """);
    }
}
