package io.salesflow.lead;

import java.time.Instant;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An intake step for LeadIntakeTest: acts only on leads whose company starts with {@link #MARKER}. */
@Component
@Order(LeadIntakeStep.ROUTING + 1)
class ProbeIntakeStep implements LeadIntakeStep {

    static final String MARKER = "IntakeProbe";

    private final JdbcTemplate jdbc;

    ProbeIntakeStep(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(NewLead lead) {
        Object company = lead.fields().get("company");
        if (company == null || !company.toString().startsWith(MARKER) || lead.ownerGiven()) {
            return;
        }
        lead.score(42, "warm", Instant.parse("2026-01-01T00:00:00Z"));
        lead.route(jdbc.queryForObject("SELECT id FROM users WHERE email = 'rep2@acme.test'", UUID.class), null);
    }
}
