package io.salesflow.rules.duplicates;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A company's internet domain, from its website or from a person's work email (never from free-mail). */
public final class CompanyDomains {

    private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\p{N}.-]+");

    /** Free-mail providers: their domain says nothing about a company. */
    public static final Set<String> FREE_MAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "yahoo.co.uk",
            "yahoo.fr",
            "yahoo.de",
            "hotmail.com",
            "hotmail.co.uk",
            "outlook.com",
            "live.com",
            "msn.com",
            "aol.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "mail.com",
            "gmx.de",
            "gmx.net",
            "gmx.at",
            "web.de",
            "t-online.de",
            "proton.me",
            "protonmail.com",
            "yandex.ru",
            "mail.ru",
            "qq.com",
            "163.com",
            "126.com",
            "zoho.com",
            "fastmail.com");

    private CompanyDomains() {}

    /** {@code https://www.Acme.io:443/about?x} → {@code acme.io}. Empty when there is no host. */
    public static Optional<String> fromWebsite(String website) {
        if (website == null || website.isBlank()) {
            return Optional.empty();
        }
        String s = website.strip().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        s = cutAt(s, '/');
        s = cutAt(s, '?');
        s = cutAt(s, '#');
        if (s.contains("@")) {
            s = s.substring(s.lastIndexOf('@') + 1);
        }
        s = cutAt(s, ':');
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        return s.contains(".") && DOMAIN.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    /** The domain of a work email; empty for free-mail addresses and invalid ones. */
    public static Optional<String> fromEmail(String email) {
        return Emails.domain(email).filter(d -> !FREE_MAIL.contains(d));
    }

    private static String cutAt(String s, char c) {
        int i = s.indexOf(c);
        return i >= 0 ? s.substring(0, i) : s;
    }
}
