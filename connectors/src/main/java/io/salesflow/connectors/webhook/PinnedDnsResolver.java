package io.salesflow.connectors.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to find a host by name: every name goes through the {@link WebhookAddressGuard}, and the
 * client connects to exactly the addresses that were checked. {@link WebhookSender} goes further and hands the client
 * the address it checked itself, so this resolver is the guard behind the guard.
 */
final class PinnedDnsResolver implements DnsResolver {

    private final WebhookAddressGuard guard;

    PinnedDnsResolver(WebhookAddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            List<InetAddress> checked = guard.resolve(host);
            return checked.toArray(new InetAddress[0]);
        } catch (WebhookAddressGuard.RefusedAddress e) {
            throw new UnknownHostException("refused: " + e.getMessage());
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
