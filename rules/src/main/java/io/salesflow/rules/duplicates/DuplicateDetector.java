package io.salesflow.rules.duplicates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compares records for duplicates. Each reason weighs in with a strength; the overall similarity is
 * {@code 1 - product(1 - strength)}, so reasons add up without passing 1. Strengths: same normalised email 0.95,
 * same phone 0.85, similar person name 0.6 x similarity, similar company name 0.5 x similarity, same company
 * domain 0.8 between records without person names (accounts) and 0.35 between people (colleagues share it).
 */
public final class DuplicateDetector {

    private final DuplicateThresholds thresholds;

    public DuplicateDetector(DuplicateThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The candidates among {@code others} at or above the candidate threshold, most similar first. */
    public List<DuplicateMatch> find(DuplicateCandidate subject, Collection<DuplicateCandidate> others) {
        return others.stream()
                .filter(o -> o.id() == null || !o.id().equals(subject.id()))
                .map(o -> compare(subject, o))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(DuplicateMatch::similarity).reversed())
                .toList();
    }

    /** The match between two records, when their similarity reaches the candidate threshold. */
    public Optional<DuplicateMatch> compare(DuplicateCandidate a, DuplicateCandidate b) {
        List<MatchReason> reasons = reasons(a, b);
        double miss = 1;
        for (MatchReason r : reasons) {
            miss *= 1 - strength(r, a, b);
        }
        double similarity = Math.round((1 - miss) * 1000) / 1000.0;
        return reasons.isEmpty() || similarity < thresholds.candidate()
                ? Optional.empty()
                : Optional.of(new DuplicateMatch(b.id(), similarity, reasons));
    }

    List<MatchReason> reasons(DuplicateCandidate a, DuplicateCandidate b) {
        List<MatchReason> reasons = new ArrayList<>();
        Optional<String> emailA = Emails.normalise(a.email(), thresholds.gmailDots(), thresholds.plusTags());
        if (emailA.isPresent()
                && emailA.equals(Emails.normalise(b.email(), thresholds.gmailDots(), thresholds.plusTags()))) {
            reasons.add(new MatchReason(MatchReason.Kind.SAME_EMAIL, emailA.get(), 1));
        }
        Optional<String> phoneA = Phones.e164(a.phone(), thresholds.defaultRegion());
        if (phoneA.isPresent() && phoneA.equals(Phones.e164(b.phone(), thresholds.defaultRegion()))) {
            reasons.add(new MatchReason(MatchReason.Kind.SAME_PHONE, phoneA.get(), 1));
        }
        Optional<String> domainA = companyDomain(a);
        if (domainA.isPresent() && domainA.equals(companyDomain(b))) {
            reasons.add(new MatchReason(MatchReason.Kind.SAME_COMPANY_DOMAIN, domainA.get(), 1));
        }
        if (a.personName() != null && b.personName() != null) {
            double s = NameSimilarity.people(a.firstName(), a.lastName(), b.firstName(), b.lastName());
            if (s >= thresholds.personName()) {
                reasons.add(new MatchReason(
                        MatchReason.Kind.SIMILAR_NAME, a.personName() + " ~ " + b.personName(), round(s)));
            }
        }
        if (a.company() != null && b.company() != null) {
            double s = NameSimilarity.companyNames(a.company(), b.company());
            if (s >= thresholds.companyName()) {
                reasons.add(new MatchReason(
                        MatchReason.Kind.SIMILAR_COMPANY_NAME, a.company() + " ~ " + b.company(), round(s)));
            }
        }
        return reasons;
    }

    private static Optional<String> companyDomain(DuplicateCandidate c) {
        return CompanyDomains.fromWebsite(c.website()).or(() -> CompanyDomains.fromEmail(c.email()));
    }

    private static double strength(MatchReason r, DuplicateCandidate a, DuplicateCandidate b) {
        return switch (r.kind()) {
            case SAME_EMAIL -> 0.95;
            case SAME_PHONE -> 0.85;
            case SIMILAR_NAME -> 0.6 * r.similarity();
            case SIMILAR_COMPANY_NAME -> 0.5 * r.similarity();
            case SAME_COMPANY_DOMAIN -> a.personName() == null && b.personName() == null ? 0.8 : 0.35;
        };
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
