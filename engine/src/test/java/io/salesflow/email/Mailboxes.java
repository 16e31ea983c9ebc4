package io.salesflow.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.salesflow.support.Api;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One GreenMail SMTP server for the JVM's email tests, and pointing a workspace's sender settings at it. */
public final class Mailboxes {

    private static GreenMail greenMail;

    private Mailboxes() {}

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return greenMail;
    }

    static int port() {
        return greenMail().getSmtp().getPort();
    }

    /** The sender settings of a workspace, on GreenMail, with a send rate. */
    static Map<String, Object> settings(String tenant, int rate) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("smtpHost", "localhost");
        settings.put("smtpPort", port());
        settings.put("smtpSecurity", "none");
        settings.put("fromAddress", "sales@" + tenant + ".test");
        settings.put("fromName", tenant + " Sales");
        settings.put("replyDomain", "replies." + tenant + ".test");
        settings.put("ratePerMinute", rate);
        return settings;
    }

    public static void useGreenMail(Api api, String tenant, int rate) {
        api.as(tenant, "admin@" + tenant + ".test", "PUT", "/api/v1/settings/email")
                .json(settings(tenant, rate))
                .send()
                .expect(200);
    }

    /** Messages GreenMail received with this Message-ID. */
    static List<MimeMessage> withMessageId(String messageId) {
        return Arrays.stream(greenMail().getReceivedMessages())
                .filter(m -> messageId.equals(messageIdOf(m)))
                .toList();
    }

    static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
