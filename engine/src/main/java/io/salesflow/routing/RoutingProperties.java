package io.salesflow.routing;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone where a rep's day starts, for daily caps
 * @param compiledRuleSets how many compiled routing rule sets this node keeps (each tenant needs its active one)
 */
@ConfigurationProperties("salesflow.routing")
record RoutingProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("100") int compiledRuleSets) {}
