package io.salesflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.mock.env.MockEnvironment;

/** A management port of its own listens on localhost unless the operator names another address. */
class ManagementPortOnLocalhostTest {

    private final ManagementPortOnLocalhost defaults =
            new ManagementPortOnLocalhost(new MockEnvironment().withProperty("server.port", "8080"));

    @Test
    void aSeparateManagementPortListensOnLocalhost() {
        ManagementServerProperties management = new ManagementServerProperties();
        management.setPort(9090);
        defaults.postProcessBeforeInitialization(management, "management");
        assertThat(management.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void anAddressTheOperatorChoseStays() throws Exception {
        ManagementServerProperties management = new ManagementServerProperties();
        management.setPort(9090);
        management.setAddress(InetAddress.getByName("0.0.0.0"));
        defaults.postProcessBeforeInitialization(management, "management");
        assertThat(management.getAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
    }

    @Test
    void withoutASeparatePortNothingChanges() {
        for (Integer port : new Integer[] {null, 8080}) {
            ManagementServerProperties management = new ManagementServerProperties();
            management.setPort(port);
            defaults.postProcessBeforeInitialization(management, "management");
            assertThat(management.getAddress()).isNull();
        }
    }
}
