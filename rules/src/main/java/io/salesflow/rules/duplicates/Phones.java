package io.salesflow.rules.duplicates;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Phone numbers compared as E.164 ({@code +4930123456}), however they were written. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {}

    /**
     * The E.164 form of {@code raw}; a national number is read in {@code defaultRegion} (ISO 3166-1 alpha-2, may be
     * null for international numbers). Empty when it is not a possible number.
     */
    public static Optional<String> e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(raw, defaultRegion == null ? null : defaultRegion.toUpperCase());
            return UTIL.isPossibleNumber(n)
                    ? Optional.of(UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether both are the same number in E.164; false when either cannot be read. */
    public static boolean same(String a, String b, String defaultRegion) {
        Optional<String> x = e164(a, defaultRegion);
        return x.isPresent() && x.equals(e164(b, defaultRegion));
    }
}
