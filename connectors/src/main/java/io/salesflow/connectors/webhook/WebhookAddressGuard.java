package io.salesflow.connectors.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps outgoing webhook calls away from the installation's own networks (server-side request forgery): a host is
 * resolved, and every address it resolves to must be public, unless the configured allowlist names its network.
 * Refused are loopback, link-local (the cloud metadata address 169.254.169.254 among them), private, unique-local,
 * unspecified, multicast, reserved and carrier-grade NAT addresses, and IPv6 forms that embed such an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64). Numeric host forms a resolver would read as an IPv4 address
 * ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}) are read the same way here, then checked.
 */
public final class WebhookAddressGuard {

    private static final List<Cidr> FORBIDDEN = Cidr.parseAll(List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "::/128",
            "::1/128",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8",
            "2001:db8::/32"));

    private static final Pattern NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}$");

    private final List<Cidr> allowed;

    /** @param allowedNetworks CIDRs (such as {@code 10.20.0.0/16}) calls may reach although they are not public */
    public WebhookAddressGuard(List<String> allowedNetworks) {
        this.allowed = Cidr.parseAll(allowedNetworks == null ? List.of() : allowedNetworks);
    }

    /**
     * Checks a target URL before it is saved or called: an absolute {@code https} URL ({@code http} only to an
     * allowlisted network) without credentials, whose host resolves to addresses that may be called.
     */
    public List<InetAddress> checkUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque()) {
            throw new RefusedAddress("must be an absolute http(s) URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedAddress("must use https");
        }
        if (url.getRawUserInfo() != null) {
            throw new RefusedAddress("must not carry a user name or password");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new RefusedAddress("must name a host");
        }
        if (url.getRawFragment() != null) {
            throw new RefusedAddress("must not have a fragment");
        }
        List<InetAddress> addresses = resolve(url.getHost());
        if (scheme.equals("http") && !addresses.stream().allMatch(this::allowlisted)) {
            throw new RefusedAddress("must use https (http only to a network the installation allows)");
        }
        return addresses;
    }

    /**
     * The addresses of {@code host}, every one of them checked; refused when any of them may not be called, so a
     * host cannot smuggle a private address in among public ones.
     */
    public List<InetAddress> resolve(String host) {
        String name = host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        List<InetAddress> addresses;
        InetAddress numeric = numericIpv4(name.toLowerCase(Locale.ROOT));
        if (numeric != null) {
            addresses = List.of(numeric);
        } else {
            try {
                addresses = Arrays.asList(InetAddress.getAllByName(name));
            } catch (UnknownHostException | SecurityException e) {
                throw new RefusedAddress("host " + host + " does not resolve");
            } catch (IllegalArgumentException e) {
                throw new RefusedAddress("host " + host + " is not a host name or address");
            }
        }
        if (addresses.isEmpty()) {
            throw new RefusedAddress("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!mayCall(address)) {
                throw new RefusedAddress("host " + host + " resolves to " + address.getHostAddress()
                        + ", an address of a private, loopback, link-local or reserved network");
            }
        }
        return List.copyOf(addresses);
    }

    /** Whether a call may go to {@code address}: public, or in an allowlisted network. */
    public boolean mayCall(InetAddress address) {
        if (allowlisted(address)) {
            return true;
        }
        return !forbidden(address);
    }

    private boolean allowlisted(InetAddress address) {
        for (InetAddress form : forms(address)) {
            for (Cidr cidr : allowed) {
                if (cidr.contains(form)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean forbidden(InetAddress address) {
        for (InetAddress form : forms(address)) {
            if (form.isAnyLocalAddress()
                    || form.isLoopbackAddress()
                    || form.isLinkLocalAddress()
                    || form.isSiteLocalAddress()
                    || form.isMulticastAddress()) {
                return true;
            }
            for (Cidr cidr : FORBIDDEN) {
                if (cidr.contains(form)) {
                    return true;
                }
            }
            if (form instanceof Inet4Address && Arrays.equals(form.getAddress(), new byte[] {-1, -1, -1, -1})) {
                return true;
            }
        }
        return false;
    }

    /** The address and, for an IPv6 address that embeds an IPv4 one, that IPv4 address too. */
    private static List<InetAddress> forms(InetAddress address) {
        List<InetAddress> forms = new ArrayList<>();
        forms.add(address);
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= bytes[i] == 0;
            }
            boolean mapped = zeroPrefix && bytes[10] == -1 && bytes[11] == -1;
            boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
            boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
            for (int i = 4; i < 12 && nat64; i++) {
                nat64 = bytes[i] == 0;
            }
            boolean sixToFour = bytes[0] == 0x20 && bytes[1] == 0x02;
            try {
                if (mapped || compatible || nat64) {
                    forms.add(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } else if (sixToFour) {
                    forms.add(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 2, 6)));
                }
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are an IPv4 address", e);
            }
        }
        return forms;
    }

    /**
     * A host made only of numbers as {@code inet_aton} reads it (one to four parts, each decimal, {@code 0x} hex or
     * {@code 0}-led octal, the last part filling the remaining bytes); {@code null} for a host name.
     */
    static InetAddress numericIpv4(String host) {
        if (!NUMERIC_HOST.matcher(host).matches()) {
            return null;
        }
        String[] parts = host.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i], host);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw new RefusedAddress("host " + host + " is not an IPv4 address");
            }
            address = (address << 8) | values[i];
        }
        int lastBytes = 4 - (parts.length - 1);
        long last = values[parts.length - 1];
        if (last >= (1L << (8 * lastBytes))) {
            throw new RefusedAddress("host " + host + " is not an IPv4 address");
        }
        address = (address << (8 * lastBytes)) | last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static long number(String part, String host) {
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new RefusedAddress("host " + host + " is not an IPv4 address");
        }
    }

    /** Why a target may not be called; the message completes "the URL ...". */
    public static final class RefusedAddress extends RuntimeException {
        public RefusedAddress(String message) {
            super(message);
        }
    }

    /** A network in CIDR notation. */
    record Cidr(byte[] network, int prefix) {

        static List<Cidr> parseAll(List<String> cidrs) {
            List<Cidr> parsed = new ArrayList<>();
            for (String cidr : cidrs) {
                if (cidr != null && !cidr.isBlank()) {
                    parsed.add(parse(cidr.strip()));
                }
            }
            return List.copyOf(parsed);
        }

        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("Not a network in CIDR notation: " + cidr);
            }
            try {
                byte[] network = InetAddress.getByName(host).getAddress();
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("Not a network in CIDR notation: " + cidr);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not a network in CIDR notation: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
