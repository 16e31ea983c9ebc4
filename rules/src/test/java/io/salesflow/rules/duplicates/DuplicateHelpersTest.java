package io.salesflow.rules.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.salesflow.rules.duplicates.MatchReason.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuplicateHelpersTest {

    private final DuplicateDetector detector = new DuplicateDetector(DuplicateThresholds.DEFAULT);

    @ParameterizedTest(name = "{0} -> {3} (gmail dots {1}, plus tags {2})")
    @CsvSource({
        "'  Jo.Doe+CRM@GMail.com ', true, true, jodoe@gmail.com",
        "jo.doe+crm@googlemail.com, true, true, jodoe@gmail.com",
        "Jo.Doe+CRM@GMail.com, false, false, jo.doe+crm@gmail.com",
        "jo.doe+crm@acme.io, true, true, jo.doe@acme.io",
        "jo.doe+crm@acme.io, true, false, jo.doe+crm@acme.io",
    })
    void emailsAreNormalisedAsConfigured(String raw, boolean dots, boolean plus, String expected) {
        assertThat(Emails.normalise(raw, dots, plus)).contains(expected);
    }

    @Test
    void notAnEmailNormalisesToNothing() {
        assertThat(Emails.normalise("no-at-sign", true, true)).isEmpty();
        assertThat(Emails.normalise("a@b@c", true, true)).isEmpty();
        assertThat(Emails.normalise("@acme.io", true, true)).isEmpty();
        assertThat(Emails.normalise("jo@", true, true)).isEmpty();
        assertThat(Emails.normalise(null, true, true)).isEmpty();
    }

    @Test
    void phonesCompareAsE164() {
        assertThat(Phones.e164("030 1234567", "DE")).contains("+49301234567");
        assertThat(Phones.same("+49 (30) 123-4567", "0049 30 1234567", "DE")).isTrue();
        assertThat(Phones.same("030 1234567", "+49301234567", "DE")).isTrue();
        assertThat(Phones.same("(415) 555-2671", "+1 415 555 2671", "US")).isTrue();
        assertThat(Phones.same("+49301234567", "+49301234568", "DE")).isFalse();
        assertThat(Phones.same("not a phone", "not a phone", "DE")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://www.Acme.io:443/about?x=1, acme.io",
        "acme.co.uk, acme.co.uk",
        "http://user@shop.acme.de/#top, shop.acme.de",
        "WWW.ACME.COM., acme.com",
    })
    void websitesGiveTheirDomain(String website, String domain) {
        assertThat(CompanyDomains.fromWebsite(website)).contains(domain);
    }

    @Test
    void freeMailIsNoCompanyDomain() {
        assertThat(CompanyDomains.fromEmail("jo@acme.io")).contains("acme.io");
        assertThat(CompanyDomains.fromEmail("jo@gmail.com")).isEmpty();
        assertThat(CompanyDomains.fromWebsite("localhost")).isEmpty();
    }

    @Test
    void jaroWinklerGivesTheTextbookFigures() {
        assertThat(NameSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(NameSimilarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(0.001));
        assertThat(NameSimilarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
        assertThat(NameSimilarity.jaroWinkler("abc", "xyz")).isZero();
    }

    @Test
    void namesAreComparedWithoutAccentsCaseAndLegalForms() {
        assertThat(NameSimilarity.personNames("José Müller", "jose muller")).isEqualTo(1.0);
        assertThat(NameSimilarity.companyNames("The Acme GmbH", "ACME")).isEqualTo(1.0);
        assertThat(NameSimilarity.companyNames("Acme Inc.", "Acme Corporation")).isEqualTo(1.0);
    }

    @Test
    void aFirstNameOneLetterOffIsSimilarWhateverTheSurnameRepeats() {
        // as one text 0.893: the dropped "n" pairs the first name's letters with the surname's, out of order
        assertThat(NameSimilarity.people("Annika", "Oaneenhnlo", "Anika", "Oaneenhnlo"))
                .isGreaterThanOrEqualTo(0.9);
        DuplicateCandidate annika = new DuplicateCandidate("1", "Annika", "Oaneenhnlo", "Cpackgpfhm", null, null, null);
        DuplicateCandidate anika = new DuplicateCandidate("2", "Anika", "Oaneenhnlo", "Cpackgpfhm", null, null, null);

        assertThat(detector.compare(annika, anika))
                .as("the same person at the same company")
                .get()
                .satisfies(m -> assertThat(m.reasons())
                        .extracting(MatchReason::kind)
                        .containsExactly(Kind.SIMILAR_NAME, Kind.SIMILAR_COMPANY_NAME));
    }

    @Test
    void namePartsNeverMakeStrangersWithOneSurnameAlike() {
        assertThat(NameSimilarity.people("Kim", "Nguyen", "Annika", "Nguyen")).isLessThan(0.9);
        assertThat(NameSimilarity.people("Kim", "Nguyen", "Tim", "Nguyen"))
                .as("never below the whole names' similarity")
                .isEqualTo(NameSimilarity.personNames("Kim Nguyen", "Tim Nguyen"));
        assertThat(NameSimilarity.people(null, "Nguyen", "Kim", "Nguyen"))
                .isEqualTo(NameSimilarity.personNames("Nguyen", "Kim Nguyen"));
    }

    @Test
    void sameEmailWrittenDifferentlyIsACandidate() {
        Optional<DuplicateMatch> m = detector.compare(
                person("1", "Jo", "Doe", "j.o.doe+x@gmail.com", null),
                person("2", "Joanne", "Doe", "jodoe@gmail.com", null));

        assertThat(m).get().satisfies(match -> {
            assertThat(match.candidateId()).isEqualTo("2");
            assertThat(match.similarity()).isGreaterThanOrEqualTo(0.95);
            assertThat(match.reasons()).extracting(MatchReason::kind).contains(Kind.SAME_EMAIL);
        });
    }

    @Test
    void samePhoneIsACandidate() {
        DuplicateDetector de = new DuplicateDetector(new DuplicateThresholds(0.9, 0.92, 0.6, true, true, "DE"));

        assertThat(de.compare(person("1", "A", "B", null, "030 1234567"), person("2", "C", "D", null, "+49301234567")))
                .get()
                .extracting(DuplicateMatch::similarity)
                .isEqualTo(0.85);
    }

    @Test
    void similarNameAtTheSameCompanyIsACandidateButASimilarNameAloneIsNot() {
        DuplicateCandidate a = person("1", "Jon", "Smith", "jon.smith@acme.io", null);
        DuplicateCandidate colleague = person("2", "John", "Smith", "jsmith@acme.io", null);
        DuplicateCandidate stranger = person("3", "John", "Smith", "john@other.org", null);

        DuplicateMatch match = detector.compare(a, colleague).orElseThrow();
        assertThat(match.reasons())
                .extracting(MatchReason::kind)
                .containsExactly(Kind.SAME_COMPANY_DOMAIN, Kind.SIMILAR_NAME);
        assertThat(match.similarity()).isBetween(0.6, 0.95);
        assertThat(detector.compare(a, stranger)).isEmpty();
    }

    @Test
    void accountsMatchOnWebsiteDomainAndCompanyName() {
        DuplicateCandidate a = new DuplicateCandidate("a1", null, null, "Acme GmbH", null, null, "https://www.acme.de");
        DuplicateCandidate b = new DuplicateCandidate("a2", null, null, "ACME", null, null, "acme.de/kontakt");
        DuplicateCandidate c = new DuplicateCandidate("a3", null, null, "Globex", null, null, "globex.com");

        List<DuplicateMatch> found = detector.find(a, List.of(a, b, c));

        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.candidateId()).isEqualTo("a2");
            assertThat(m.reasons())
                    .extracting(MatchReason::kind)
                    .containsExactly(Kind.SAME_COMPANY_DOMAIN, Kind.SIMILAR_COMPANY_NAME);
            assertThat(m.similarity()).isEqualTo(0.9);
        });
    }

    private static DuplicateCandidate person(String id, String first, String last, String email, String phone) {
        return new DuplicateCandidate(id, first, last, null, email, phone, null);
    }
}
