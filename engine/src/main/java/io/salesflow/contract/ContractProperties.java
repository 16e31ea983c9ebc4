package io.salesflow.contract;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Contract signing.
 *
 * @param linkValidity how long a contract stays out for signature (and its links work) unless the sender says
 *     otherwise; it then expires
 * @param reminderEveryWorkingDays how many of the workspace's working days pass between reminders to signers who
 *     have not signed
 */
@ConfigurationProperties("salesflow.contracts")
public record ContractProperties(
        @DefaultValue("P14D") Duration linkValidity, @DefaultValue("2") int reminderEveryWorkingDays) {

    public ContractProperties {
        if (linkValidity.isNegative() || linkValidity.isZero()) {
            throw new IllegalArgumentException("salesflow.contracts.link-validity must be positive");
        }
        if (reminderEveryWorkingDays < 1) {
            throw new IllegalArgumentException("salesflow.contracts.reminder-every-working-days must be at least 1");
        }
    }
}
