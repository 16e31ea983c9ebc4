package io.salesflow.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How records compare under a tenant's settings, without Spring. */
class DuplicateComparisonTest {

    private static final DuplicateSettings DEFAULTS = DuplicateSettings.DEFAULT;

    @Test
    void contactsMatchOnAnyOfTheirEmailsNotOnlyThePrimary() {
        Profile a = person("Ann", "Archer", List.of("ann@archer.io", "a.archer+news@gmail.com"), List.of());
        Profile b = person("Zoe", "Zeller", List.of("zoe@zeller.io", "aarcher@gmail.com"), List.of());

        DuplicateComparison.Match match =
                new DuplicateComparison(DEFAULTS).match(a, b).orElseThrow();

        assertThat(match.reasons())
                .extracting(DuplicateReason::reason, DuplicateReason::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("same_email", "aarcher@gmail.com"));
        assertThat(match.similarity()).isEqualTo(0.95);
    }

    @Test
    void aNationalNumberIsReadInTheRecordsCountry() {
        Profile national =
                new Profile(UUID.randomUUID(), "A", "Bea", "Berg", null, List.of(), List.of("030 1234567"), null, "DE");
        Profile international = new Profile(
                UUID.randomUUID(), "B", "Carl", "Cole", null, List.of(), List.of("+49 30 1234567"), null, null);

        assertThat(new DuplicateComparison(DEFAULTS).match(national, international))
                .get()
                .extracting(DuplicateComparison.Match::similarity)
                .isEqualTo(0.85);
    }

    @Test
    void withTheDomainSignalOffAWorkEmailStillMatchesButNamesNoCompany() {
        Profile a = person("Dan", "Dorn", List.of("dan@dorn.io"), List.of());
        Profile b = person("Eve", "Ernst", List.of("dan@dorn.io"), List.of());
        Profile colleague = person("Fay", "Frost", List.of("fay@dorn.io"), List.of());
        DuplicateComparison noDomain =
                new DuplicateComparison(with(new DuplicateSettings.Signals(true, true, false, true)));

        DuplicateComparison.Match match = noDomain.match(a, b).orElseThrow();
        assertThat(match.reasons()).extracting(DuplicateReason::reason).containsExactly("same_email");
        assertThat(match.reasons().get(0).detail()).isEqualTo("dan@dorn.io");
        assertThat(match.similarity()).isEqualTo(0.95);
        assertThat(new DuplicateComparison(DEFAULTS).match(a, b).orElseThrow().reasons())
                .extracting(DuplicateReason::reason)
                .containsExactly("same_email", "same_domain");
        assertThat(noDomain.matches(a, List.of(colleague))).isEmpty();
    }

    @Test
    void withTheEmailSignalOffAWorkEmailStillGivesTheCompanyDomain() {
        Profile a = person("Jon", "Smith", List.of("jon@smith-works.io"), List.of());
        Profile b = person("John", "Smith", List.of("john@smith-works.io"), List.of());
        DuplicateComparison noEmail =
                new DuplicateComparison(with(new DuplicateSettings.Signals(false, true, true, true)));

        assertThat(noEmail.match(a, b).orElseThrow().reasons())
                .extracting(DuplicateReason::reason)
                .containsExactly("same_domain", "similar_name");
    }

    @Test
    void withTheNameSignalOffSimilarNamesDoNotCount() {
        Profile a = person("Jon", "Smith", List.of("jon@smith-works.io"), List.of());
        Profile b = person("John", "Smith", List.of("john@smith-works.io"), List.of());
        DuplicateComparison noNames =
                new DuplicateComparison(with(new DuplicateSettings.Signals(true, true, true, false)));

        assertThat(noNames.match(a, b)).isEmpty();
    }

    @Test
    void candidatesComeMostSimilarFirstAndTheRecordItselfIsNone() {
        Profile subject = person("Gil", "Grant", List.of("gil@grant.io"), List.of("+4930111222"));
        Profile sameEmail = person("Hal", "Hurst", List.of("gil@grant.io"), List.of());
        Profile sameBoth = person("Ida", "Irwin", List.of("gil@grant.io"), List.of("+4930111222"));

        assertThat(new DuplicateComparison(DEFAULTS).matches(subject, List.of(subject, sameEmail, sameBoth)))
                .extracting(m -> m.candidate().id())
                .containsExactly(sameBoth.id(), sameEmail.id());
    }

    private static DuplicateSettings with(DuplicateSettings.Signals signals) {
        DuplicateSettings d = DEFAULTS;
        return new DuplicateSettings(
                d.personNameThreshold(),
                d.companyNameThreshold(),
                d.candidateThreshold(),
                signals,
                d.gmailDots(),
                d.plusTags(),
                d.defaultRegion(),
                0);
    }

    private static Profile person(String first, String last, List<String> emails, List<String> phones) {
        return new Profile(UUID.randomUUID(), first + " " + last, first, last, null, emails, phones, null, null);
    }
}
