package io.salesflow.records;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param restoreWindow how long a deleted record can be restored before it is purged for good */
@ConfigurationProperties("salesflow.records")
public record RecordProperties(@DefaultValue("30d") Duration restoreWindow) {}
