package io.salesflow.platform.fuzz;

import io.salesflow.support.Multipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whole bodies that are wrong as a whole: broken JSON, the wrong media type, hostile multipart uploads. */
final class FuzzBodies {

    private FuzzBodies() {}

    /** The baseline JSON made malformed in each way a client can get it wrong, and sent as the wrong type. */
    static List<FuzzRequest> malformed(ApiOperation op, String path, String body) {
        List<FuzzRequest> requests = new ArrayList<>();
        boolean object = body.startsWith("{");
        List<String[]> variants = new ArrayList<>(List.of(
                new String[] {"trailing garbage", body + " x"},
                new String[] {"second value", body + "{}"},
                new String[] {"cut short", body.substring(0, body.length() - 1)},
                new String[] {"empty", ""},
                new String[] {"null", "null"},
                new String[] {"text", "\"fuzz\""},
                new String[] {"wrong root", object ? "[]" : "{}"},
                new String[] {"deeply nested", "[".repeat(2000) + "]".repeat(2000)}));
        if (object && body.length() > 2) {
            String first = body.substring(1, body.indexOf(':'));
            variants.add(new String[] {"key twice", "{" + first + ":null," + body.substring(1)});
            variants.add(new String[] {"unknown field", "{\"fuzzUnknownField\":1," + body.substring(1)});
        }
        for (String[] variant : variants) {
            requests.add(FuzzRequest.json(op, "body " + variant[0], path, Map.of(), variant[1]));
        }
        byte[] invalid = bytes("{\"fuzz\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}");
        requests.add(new FuzzRequest(op, "body overlong UTF-8", path, Map.of(), invalid, "application/json"));
        byte[] utf16 = body.getBytes(StandardCharsets.UTF_16);
        requests.add(new FuzzRequest(op, "body UTF-16", path, Map.of(), utf16, "application/json"));
        for (String type : List.of(
                "application/*", "*/*", "text/plain", "application/json; charset=nonsense", "application/xml")) {
            requests.add(new FuzzRequest(
                    op, "Content-Type " + type, path, Map.of(), body.getBytes(StandardCharsets.UTF_8), type));
        }
        return requests;
    }

    /** The operation's valid upload, with {@code headers} and the mutation's name. */
    static FuzzRequest baseMultipart(
            ApiOperation op, String mutation, String path, Map<String, String> headers, FuzzFixtures fixtures) {
        Multipart form = isImport(op)
                ? fixtures.importFile()
                : new Multipart().file("file", "fuzz.txt", "text/plain", bytes("fuzz"));
        return new FuzzRequest(op, mutation, path, headers, form.bytes(), form.contentType());
    }

    /** Uploads that are wrong: the file's name, type, count or content, or the multipart body itself. */
    static List<FuzzRequest> multipart(ApiOperation op, String path, FuzzFixtures fixtures) {
        String extension = isImport(op) ? ".csv" : ".txt";
        String type = isImport(op) ? "text/csv" : "text/plain";
        byte[] content = isImport(op) ? bytes("lastName,source\nFuzz,web\n") : bytes("fuzz");
        List<FuzzRequest> requests = new ArrayList<>();
        for (String name : List.of(
                "a\u0000b" + extension,
                "README",
                "x".repeat(300) + extension,
                "../../etc/passwd" + extension,
                "\u202Etxt.exe" + extension,
                "",
                ".",
                "fuzz.exe")) {
            add(requests, op, path, "file name " + printable(name), new Multipart().file("file", name, type, content));
        }
        for (String declared : List.of("application/*", "text/html", "", "x")) {
            add(
                    requests,
                    op,
                    path,
                    "file type " + declared,
                    new Multipart().file("file", "fuzz" + extension, declared, content));
        }
        add(requests, op, path, "empty file", new Multipart().file("file", "fuzz" + extension, type, new byte[0]));
        add(requests, op, path, "no file", new Multipart().field("other", "x"));
        add(requests, op, path, "file as a field", new Multipart().field("file", "x"));
        add(
                requests,
                op,
                path,
                "two files",
                new Multipart()
                        .file("file", "a" + extension, type, content)
                        .file("file", "b" + extension, type, content));
        add(
                requests,
                op,
                path,
                "NUL in a field",
                new Multipart().field("recordType", "lea\u0000ds").file("file", "fuzz" + extension, type, content));
        String cut = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a" + extension + "\"\r\n\r\nfu";
        requests.add(new FuzzRequest(op, "cut short", path, Map.of(), bytes(cut), "multipart/form-data; boundary=b1"));
        requests.add(new FuzzRequest(op, "no boundary", path, Map.of(), bytes(cut), "multipart/form-data"));
        requests.add(new FuzzRequest(op, "no body", path, Map.of(), new byte[0], "multipart/form-data; boundary=b1"));
        return requests;
    }

    private static void add(List<FuzzRequest> requests, ApiOperation op, String path, String mutation, Multipart form) {
        requests.add(new FuzzRequest(op, mutation, path, Map.of(), form.bytes(), form.contentType()));
    }

    private static boolean isImport(ApiOperation op) {
        return op.path().equals("/api/v1/imports");
    }

    private static String printable(String name) {
        String shown = name.replace("\u0000", "\\u0000").replace("\u202E", "\\u202E");
        return shown.length() <= 40 ? shown : shown.substring(0, 40) + "…";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(before));
        out.writeBytes(middle);
        out.writeBytes(bytes(after));
        return out.toByteArray();
    }
}
