package io.salesflow.textmessage;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** Phone numbers in E.164, read with libphonenumber; a national number needs its region (a lead's country). */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {}

    static Optional<String> e164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.trim();
        if (s.startsWith("whatsapp:")) {
            s = s.substring("whatsapp:".length());
        }
        boolean international = s.startsWith("+");
        if (!international && (region == null || !UTIL.getSupportedRegions().contains(region))) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(s, international ? null : region);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The key the duplicate index keeps of a number: its last 8 digits (as {@code app_duplicate_phone_key}). */
    static String lookupKey(String e164) {
        String digits = e164.replaceAll("[^0-9]", "");
        return digits.length() <= 8 ? digits : digits.substring(digits.length() - 8);
    }
}
