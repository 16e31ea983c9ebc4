package io.salesflow.payment;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's payment settings row: the invoice and reminder templates and the reminder spacing. */
@Component
class PaymentSettingsStore {

    /** What a tenant chases with; {@code reminderDays} are the working days after each reminder. */
    record Settings(UUID invoiceTemplateId, UUID reminderTemplateId, List<Integer> reminderDays) {}

    private final JdbcTemplate jdbc;

    PaymentSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings row, created with the defaults and locked: the first sender creates the templates once. */
    Settings lockCurrent() {
        jdbc.update("INSERT INTO payment_settings DEFAULT VALUES ON CONFLICT (tenant_id) DO NOTHING");
        return read(" FOR UPDATE").orElseThrow();
    }

    Settings current() {
        return read("").orElse(new Settings(null, null, List.of(3, 7)));
    }

    void templates(UUID invoiceTemplateId, UUID reminderTemplateId) {
        jdbc.update(
                "UPDATE payment_settings SET invoice_template_id = ?, reminder_template_id = ?, version = version + 1",
                invoiceTemplateId,
                reminderTemplateId);
    }

    private Optional<Settings> read(String lock) {
        return jdbc
                .query(
                        "SELECT invoice_template_id, reminder_template_id, reminder_days FROM payment_settings" + lock,
                        (rs, i) -> {
                            Array days = rs.getArray(3);
                            Integer[] values = (Integer[]) days.getArray();
                            return new Settings(
                                    rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Arrays.asList(values));
                        })
                .stream()
                .findFirst();
    }
}
