package io.salesflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a socket bound to a chosen loopback address: Java 17's HTTP client cannot pick its source
 * address, and the application must see the connection come from elsewhere (headers would not do: it trusts
 * no {@code X-Forwarded-For}).
 */
public final class RawHttp {

    private RawHttp() {}

    public static Api.Response send(
            String localAddress, String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {
        try (Socket socket = new Socket(
                InetAddress.getByName(uri.getHost()), uri.getPort(), InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(uri.getHost())
                    .append(':')
                    .append(uri.getPort())
                    .append("\r\nConnection: close\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
            for (Map.Entry<String, String> header : headers) {
                head.append(header.getKey())
                        .append(": ")
                        .append(header.getValue())
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream(), method, uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Api.Response read(InputStream in, String method, URI uri) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        String encoding = headers.getOrDefault("Transfer-Encoding", List.of()).stream()
                .findFirst()
                .orElse("")
                .toLowerCase(Locale.ROOT);
        byte[] body = encoding.contains("chunked") ? chunked(in) : in.readAllBytes();
        return new Api.Response(status, headers, body, method, uri);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in);
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
