package io.salesflow.email;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Makes an HTML body trackable: each http(s) link goes through a tracked address, and a one-pixel image at the end
 * tells when the email was opened. Other links (mailto:, the unsubscribe page) are left as they are.
 */
final class TrackedHtml {

    private static final Pattern LINK =
            Pattern.compile("(?i)(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"']+)\\2");
    private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");

    private TrackedHtml() {}

    /**
     * @param track the tracked address of a link's URL (as the reader's browser would read it: entities decoded)
     * @param pixel the address of the open pixel
     */
    static String of(String html, UnaryOperator<String> track, String pixel) {
        Matcher links = LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (links.find()) {
            String url = HtmlUtils.htmlUnescape(links.group(3));
            if (url.contains("/unsubscribe/")) {
                links.appendReplacement(out, Matcher.quoteReplacement(links.group()));
                continue;
            }
            String tracked = HtmlUtils.htmlEscape(track.apply(url));
            links.appendReplacement(
                    out, Matcher.quoteReplacement(links.group(1) + links.group(2) + tracked + links.group(2)));
        }
        links.appendTail(out);
        String image = "<img src=\"" + HtmlUtils.htmlEscape(pixel)
                + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
        Matcher end = BODY_END.matcher(out);
        if (end.find()) {
            return out.substring(0, end.start()) + image + out.substring(end.start());
        }
        return out + image;
    }
}
