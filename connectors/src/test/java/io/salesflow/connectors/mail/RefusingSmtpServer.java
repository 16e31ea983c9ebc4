package io.salesflow.connectors.mail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A mail server that takes the envelope's sender and refuses every recipient for good (550). */
public final class RefusingSmtpServer {

    private RefusingSmtpServer() {}

    /** Answers connections on {@code server} until it is closed. */
    public static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                out.write("220 refusing.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    String reply =
                            switch (command) {
                                case "EHLO", "HELO" -> "250 refusing.test";
                                case "RCPT" -> "550 5.1.1 No such mailbox";
                                case "QUIT" -> "221 Bye";
                                default -> "250 OK";
                            };
                    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (command.equals("QUIT")) {
                        break;
                    }
                }
            } catch (Exception e) {
                // the test ended, or the client hung up
            }
        }
    }
}
