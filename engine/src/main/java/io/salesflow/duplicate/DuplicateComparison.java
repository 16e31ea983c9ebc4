package io.salesflow.duplicate;

import io.salesflow.rules.duplicates.CompanyDomains;
import io.salesflow.rules.duplicates.DuplicateCandidate;
import io.salesflow.rules.duplicates.DuplicateDetector;
import io.salesflow.rules.duplicates.DuplicateMatch;
import io.salesflow.rules.duplicates.Emails;
import io.salesflow.rules.duplicates.MatchReason;
import io.salesflow.rules.duplicates.Phones;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a record with candidates through the rules' {@link DuplicateDetector}, under a tenant's settings. The
 * detector sees one email and one phone per record: of records with several (contacts), the ones the pair shares,
 * if any. A record without a website gives the company domain of its first work email.
 */
final class DuplicateComparison {

    record Match(Profile candidate, double similarity, List<DuplicateReason> reasons) {}

    private final DuplicateSettings settings;
    private final DuplicateDetector detector;

    DuplicateComparison(DuplicateSettings settings) {
        this.settings = settings;
        this.detector = new DuplicateDetector(settings.thresholds());
    }

    /** The candidates at or above the candidate threshold, most similar first. */
    List<Match> matches(Profile subject, Collection<Profile> candidates) {
        Side side = new Side(subject);
        return candidates.stream()
                .filter(c -> !c.id().equals(subject.id()))
                .map(c -> match(side, new Side(c)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(Match::similarity)
                        .reversed()
                        .thenComparing(m -> Objects.toString(m.candidate().title(), ""))
                        .thenComparing(m -> m.candidate().id()))
                .toList();
    }

    Optional<Match> match(Profile subject, Profile candidate) {
        return match(new Side(subject), new Side(candidate));
    }

    /** A record with its emails and phones normalised once, however many records it is compared with. */
    private final class Side {
        final Profile profile;
        final List<String> emails;
        final List<String> phones;

        Side(Profile profile) {
            this.profile = profile;
            this.emails = emails(profile);
            this.phones = phones(profile);
        }
    }

    private Optional<Match> match(Side subject, Side candidate) {
        String sharedEmail = shared(subject.emails, candidate.emails);
        String sharedPhone = shared(subject.phones, candidate.phones);
        // Phones are compared here, in E.164: the detector sees the shared one or none (it would only parse
        // numbers again to find them unequal).
        DuplicateCandidate a = candidate(subject.profile, pick(sharedEmail, subject.emails), sharedPhone, "a");
        DuplicateCandidate b = candidate(candidate.profile, pick(sharedEmail, candidate.emails), sharedPhone, "b");
        return detector.compare(a, b).flatMap(m -> match(candidate.profile, m, sharedEmail));
    }

    private Optional<Match> match(Profile candidate, DuplicateMatch m, String sharedEmail) {
        List<DuplicateReason> reasons = m.reasons().stream()
                .filter(r -> counts(r.kind()))
                .map(r -> new DuplicateReason(
                        code(r.kind()),
                        r.similarity(),
                        r.kind() == MatchReason.Kind.SAME_EMAIL ? sharedEmail : r.detail()))
                .toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new Match(candidate, m.similarity(), reasons));
    }

    /**
     * The record as the detector sees it. The detector has no switch per signal, so a signal that is off is kept
     * from it by what it is given: no phone; no website; person names that cannot be alike ({@code nameMark}
     * differs between the two), but still there, because whether both records are people changes how much a
     * shared domain weighs; and with domains off, the email as an opaque address on a free-mail domain, equal to
     * another exactly when the emails are, since the detector would read a company domain out of a work email.
     */
    private DuplicateCandidate candidate(Profile p, String email, String phone, String nameMark) {
        DuplicateSettings.Signals on = settings.signals();
        String website = p.website() != null ? p.website() : workDomain(p).orElse(null);
        String detectorEmail = email;
        if (!on.email()) {
            detectorEmail = null;
        } else if (!on.domain() && email != null) {
            detectorEmail = HexFormat.of().formatHex(email.getBytes(StandardCharsets.UTF_8)) + "@mail.com";
        }
        boolean person = p.firstName() != null || p.lastName() != null;
        return new DuplicateCandidate(
                p.id().toString(),
                on.name() ? p.firstName() : null,
                on.name() ? p.lastName() : person ? nameMark : null,
                on.name() ? p.company() : null,
                detectorEmail,
                on.phone() ? phone : null,
                on.domain() ? website : null);
    }

    private boolean counts(MatchReason.Kind kind) {
        DuplicateSettings.Signals on = settings.signals();
        return switch (kind) {
            case SAME_EMAIL -> on.email();
            case SAME_PHONE -> on.phone();
            case SAME_COMPANY_DOMAIN -> on.domain();
            case SIMILAR_NAME, SIMILAR_COMPANY_NAME -> on.name();
        };
    }

    private Optional<String> workDomain(Profile p) {
        return p.emails().stream()
                .map(CompanyDomains::fromEmail)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private List<String> emails(Profile p) {
        return p.emails().stream()
                .map(e -> Emails.normalise(e, settings.gmailDots(), settings.plusTags()))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    /** In E.164 where they can be read (in the record's region, else the tenant's), else as written. */
    private List<String> phones(Profile p) {
        String region = p.region() != null ? p.region() : settings.defaultRegion();
        return p.phones().stream().map(raw -> e164(raw, region)).distinct().toList();
    }

    /**
     * Numbers read lately, by region and number as written: a new record is compared with hundreds of candidates,
     * mostly the same ones as the record before it, and reading a number is the dearest step of a comparison.
     */
    private static final int READ_NUMBERS = 20_000;

    private static final Map<String, String> E164 = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > READ_NUMBERS;
        }
    });

    private static String e164(String raw, String region) {
        String key = region + "/" + raw;
        String read = E164.get(key);
        if (read == null) {
            read = Phones.e164(raw, region).orElse(raw);
            E164.put(key, read);
        }
        return read;
    }

    private static String shared(List<String> a, List<String> b) {
        return a.stream().filter(b::contains).findFirst().orElse(null);
    }

    private static String pick(String shared, List<String> all) {
        return shared != null ? shared : all.stream().findFirst().orElse(null);
    }

    static String code(MatchReason.Kind kind) {
        return switch (kind) {
            case SAME_EMAIL -> "same_email";
            case SAME_PHONE -> "same_phone";
            case SAME_COMPANY_DOMAIN -> "same_domain";
            case SIMILAR_NAME -> "similar_name";
            case SIMILAR_COMPANY_NAME -> "similar_company_name";
        };
    }
}
