package io.salesflow.connectors.imap;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an inbound message into an {@link InboundMail}: its threading headers and reply tokens, whether it is a
 * bounce (an RFC 3464 delivery status report, or Exim's {@code X-Failed-Recipients}), an automatic answer (RFC 3834
 * {@code Auto-Submitted}, the vendors' auto-reply headers, out-of-office subjects) or something a person wrote, and
 * its text without the quoted earlier messages. Text parts in any charset Java knows are decoded by that charset;
 * a charset it does not know is read as windows-1252 rather than losing the message.
 */
public final class InboundMailReader {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern REPLY_TOKEN =
            Pattern.compile("^[^@+\\s]+\\+([A-Za-z0-9_-]{8,80})@", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]+>)");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(?iu)^\\s*(auto(matic|matische)?[ -]?(reply|antwort|response)|autoreply|out of (the )?office|ooo:|"
                    + "abwesenheit|réponse automatique|respuesta automática|risposta automatica|afwezig)");
    private static final Pattern QUOTE_START = Pattern.compile(
            "(?im)^(On .{1,200} wrote:\\s*$|Am .{1,200} schrieb .{1,200}:\\s*$|Le .{1,200} a écrit\\s*:\\s*$"
                    + "|-{2,}\\s*Original Message\\s*-{2,}|_{10,}\\s*$|From: .{1,200}\\R+(Sent|Date): )");
    private static final Pattern TAG = Pattern.compile("(?s)<(script|style)[^>]*>.*?</\\1>|<[^>]+>");
    private static final int MAX_TEXT = 20_000;

    public InboundMail read(MimeMessage message) throws UnreadableMailException {
        try {
            List<String> bounced = new ArrayList<>();
            String[] bounceStatus = {null};
            List<String> threadIds = new ArrayList<>();
            MailKind kind;
            if (isDeliveryReport(message)) {
                kind = MailKind.BOUNCE;
                readDeliveryReport((Multipart) message.getContent(), bounced, bounceStatus, threadIds);
            } else if (message.getHeader("X-Failed-Recipients") != null) {
                kind = MailKind.BOUNCE;
                for (String header : message.getHeader("X-Failed-Recipients")) {
                    for (String address : header.split(",")) {
                        if (!address.isBlank()) {
                            bounced.add(address.trim().toLowerCase(Locale.ROOT));
                        }
                    }
                }
                Matcher original = ORIGINAL_MESSAGE_ID.matcher(text(message));
                if (original.find()) {
                    threadIds.add(original.group(1));
                }
            } else {
                kind = isAutomatic(message) ? MailKind.AUTO_REPLY : null;
            }
            if (kind != MailKind.BOUNCE) {
                threadIds.addAll(ids(message.getHeader("In-Reply-To", " ")));
                List<String> references = ids(message.getHeader("References", " "));
                Collections.reverse(references);
                threadIds.addAll(references);
            }
            List<String> recipients = recipients(message);
            List<String> tokens = new ArrayList<>();
            for (String recipient : recipients) {
                Matcher token = REPLY_TOKEN.matcher(recipient);
                if (token.find()) {
                    tokens.add(token.group(1));
                }
            }
            if (kind == null) {
                kind = threadIds.isEmpty() && tokens.isEmpty() ? MailKind.NEW : MailKind.REPLY;
            }
            InternetAddress from = from(message);
            Instant sent =
                    message.getSentDate() == null ? null : message.getSentDate().toInstant();
            return new InboundMail(
                    kind,
                    first(ids(message.getHeader("Message-ID", " "))),
                    List.copyOf(new LinkedHashSet<>(threadIds)),
                    List.copyOf(new LinkedHashSet<>(tokens)),
                    from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                    from == null ? null : from.getPersonal(),
                    recipients,
                    message.getSubject(),
                    kind == MailKind.BOUNCE ? null : withoutQuotes(text(message)),
                    sent,
                    List.copyOf(new LinkedHashSet<>(bounced)),
                    bounceStatus[0]);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMailException("Unreadable message: " + e, e);
        }
    }

    private static boolean isDeliveryReport(MimeMessage message) throws MessagingException {
        if (!message.isMimeType("multipart/report")) {
            return false;
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        return reportType != null && reportType.equalsIgnoreCase("delivery-status");
    }

    private static void readDeliveryReport(
            Multipart report, List<String> bounced, String[] status, List<String> threadIds)
            throws MessagingException, IOException {
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                readDeliveryStatus(raw(part), bounced, status);
            } else if (part.isMimeType("message/rfc822")
                    || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/rfc822-headers")) {
                Matcher original = ORIGINAL_MESSAGE_ID.matcher(raw(part));
                if (original.find()) {
                    threadIds.add(original.group(1));
                }
            }
        }
    }

    /** RFC 3464: per-recipient blocks of fields; a recipient failed when its Action is failed (or its Status 5.x). */
    private static void readDeliveryStatus(String fields, List<String> bounced, String[] status) {
        for (String block : fields.split("\\R\\s*\\R")) {
            String recipient = null;
            String action = null;
            String code = null;
            for (String line : block.split("\\R")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "final-recipient", "original-recipient" -> {
                        if (recipient == null || name.equals("final-recipient")) {
                            int semicolon = value.indexOf(';');
                            recipient = (semicolon < 0 ? value : value.substring(semicolon + 1)).trim();
                        }
                    }
                    case "action" -> action = value.toLowerCase(Locale.ROOT);
                    case "status" -> code = value.split("\\s")[0];
                    default -> {}
                }
            }
            boolean failed = "failed".equals(action) || (action == null && code != null && code.startsWith("5"));
            if (recipient != null && failed) {
                bounced.add(recipient.toLowerCase(Locale.ROOT));
                if (status[0] == null) {
                    status[0] = code;
                }
            }
        }
    }

    private static boolean isAutomatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null
                && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (header(message, "X-Autoreply") != null
                || header(message, "X-Autorespond") != null
                || header(message, "X-Autoresponder") != null) {
            return true;
        }
        String suppress = header(message, "X-Auto-Response-Suppress");
        if (suppress != null && suppress.matches("(?i).*\\b(all|oof)\\b.*")) {
            return true;
        }
        for (String name : List.of("Precedence", "X-Precedence")) {
            String precedence = header(message, name);
            if (precedence != null && precedence.trim().matches("(?i)auto_reply|bulk|junk")) {
                return true;
            }
        }
        String subject = message.getSubject();
        return subject != null && AUTO_SUBJECT.matcher(subject).find();
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Set<String> addresses = new LinkedHashSet<>();
        Address[] all = message.getAllRecipients();
        if (all != null) {
            for (Address address : all) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                    addresses.add(internet.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String name : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
            String[] values = message.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    addresses.add(value.trim().replaceAll("[<>]", "").toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(addresses);
    }

    private static InternetAddress from(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress internet)) {
            return null;
        }
        return internet.getAddress() == null ? null : internet;
    }

    /** The best text of a part: its text/plain alternative, else its HTML as text; attachments are skipped. */
    static String text(Part part) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType("text/plain")) {
            return decoded(part);
        }
        if (part.isMimeType("text/html")) {
            return htmlToText(decoded(part));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/html") && html == null) {
                    html = text(child);
                    continue;
                }
                String text = text(child);
                if (text != null && !text.isBlank()) {
                    return text;
                }
            }
            return html;
        }
        return null;
    }

    private static String decoded(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException e) {
            // A charset Java does not know: below, as windows-1252.
        }
        Charset charset;
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            charset =
                    name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.forName("windows-1252");
        } catch (RuntimeException e) {
            charset = Charset.forName("windows-1252");
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset);
        }
    }

    private static String raw(Part part) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = part.getInputStream()) {
            in.transferTo(out);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>", "\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** The new part of a reply: up to the first quote marker, without ">" lines. */
    static String withoutQuotes(String text) {
        if (text == null) {
            return null;
        }
        String cut = text;
        Matcher quote = QUOTE_START.matcher(cut);
        if (quote.find()) {
            cut = cut.substring(0, quote.start());
        }
        StringBuilder kept = new StringBuilder();
        for (String line : cut.split("\\R", -1)) {
            if (!line.startsWith(">")) {
                kept.append(line).append('\n');
            }
        }
        String result = kept.toString().strip();
        return result.length() > MAX_TEXT ? result.substring(0, MAX_TEXT) : result;
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, ",");
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
