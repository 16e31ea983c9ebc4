package io.salesflow.platform.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers a path with an encoded slash ({@code %2F}, {@code %5C}) itself, with an HTML error page. Passed
 * through undecoded instead, such a path reaches {@link EarlyFirewallFilter}, which refuses it with the same
 * problem response as every other odd path.
 */
@Component
class EncodedSlashesReachTheFirewall implements TomcatConnectorCustomizer {

    @Override
    public void customize(org.apache.catalina.connector.Connector connector) {
        connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
