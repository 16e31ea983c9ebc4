package io.salesflow.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hash chain over a contract's events. Each event is stored with the hash of the event before it (64 zeros for
 * the first) and its own SHA-256 over a canonical form: {@code v1}, contract id, sequence number, kind, signer id,
 * time (ISO-8601, microseconds), data (JSON, keys sorted) and the previous hash, one per line. Appending locks the
 * contract's row, so events of one contract are numbered without gaps. {@link #verify} recomputes it all.
 */
@Component
class ContractChain {

    static final String GENESIS = "0".repeat(64);
    /** A contract has a bounded number of events: its signers' (at most 20) and reminders until it expires. */
    static final int MAX_EVENTS = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContractChain(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored event, as read back. */
    record Event(int seq, String kind, UUID signerId, Instant occurredAt, String data, String prevHash, String hash) {}

    /** Appends an event to the contract's chain, in the caller's transaction; the event's hash. */
    String append(UUID contractId, String kind, UUID signerId, Map<String, String> data) {
        jdbc.queryForObject("SELECT id FROM contracts WHERE id = ? FOR UPDATE", UUID.class, contractId);
        List<Event> last = jdbc.query(
                "SELECT seq, kind, signer_id, occurred_at, data, prev_hash, hash FROM contract_events"
                        + " WHERE contract_id = ? ORDER BY seq DESC LIMIT 1",
                (rs, i) -> event(rs),
                contractId);
        int seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
        String prev = last.isEmpty() ? GENESIS : last.get(0).hash();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String text = canonicalData(data);
        String hash = hash(contractId, seq, kind, signerId, at, text, prev);
        jdbc.update(
                "INSERT INTO contract_events (id, contract_id, seq, kind, signer_id, occurred_at, data, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                contractId,
                seq,
                kind,
                signerId,
                OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC),
                text,
                prev,
                hash);
        return hash;
    }

    List<Event> events(UUID contractId) {
        return jdbc.query(
                "SELECT seq, kind, signer_id, occurred_at, data, prev_hash, hash FROM contract_events"
                        + " WHERE contract_id = ? ORDER BY seq LIMIT ?",
                (rs, i) -> event(rs),
                contractId,
                MAX_EVENTS);
    }

    /** What broke in the chain, in order; empty when every event links to the one before and hashes to its hash. */
    List<String> verify(UUID contractId, List<Event> events) {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        int expected = 1;
        for (Event e : events) {
            if (e.seq() != expected) {
                problems.add("Event " + expected + " is missing (the next stored event is " + e.seq() + ")");
            }
            if (!e.prevHash().equals(prev)) {
                problems.add("Event " + e.seq() + " (" + e.kind() + ") does not link to the event before it");
            }
            String recomputed =
                    hash(contractId, e.seq(), e.kind(), e.signerId(), e.occurredAt(), e.data(), e.prevHash());
            if (!recomputed.equals(e.hash())) {
                problems.add("Event " + e.seq() + " (" + e.kind() + ") was altered: its content no longer hashes to"
                        + " its stored hash");
            }
            prev = e.hash();
            expected = e.seq() + 1;
        }
        if (events.isEmpty()) {
            problems.add("The contract has no events: its chain was removed");
        }
        return problems;
    }

    static String hash(UUID contractId, int seq, String kind, UUID signerId, Instant at, String data, String prevHash) {
        return Sha256.hex(String.join(
                "\n",
                "v1",
                contractId.toString(),
                Integer.toString(seq),
                kind,
                signerId == null ? "" : signerId.toString(),
                at.toString(),
                data,
                prevHash));
    }

    static String canonicalData(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> data(Event event) {
        try {
            return JSON.readValue(event.data(), Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static Event event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Event(
                rs.getInt("seq"),
                rs.getString("kind"),
                rs.getObject("signer_id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("data"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
