package io.salesflow.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadFactsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Chief Executive Officer, C_LEVEL",
        "Co-Founder & CTO, C_LEVEL",
        "Owner, C_LEVEL",
        "Vice President of Sales, VP",
        "SVP Marketing, VP",
        "Head of Operations, DIRECTOR",
        "Sales Director EMEA, DIRECTOR",
        "Account Manager, MANAGER",
        "Team Lead Support, MANAGER",
        "Software Engineer, INDIVIDUAL",
        "PhD Student, STUDENT",
        "Marketing Intern, STUDENT",
    })
    void titlesReadAsJobLevels(String title, JobLevel level) {
        assertThat(JobLevel.fromTitle(title)).isEqualTo(level);
    }

    @Test
    void factsAreNormalisedAndDerivedFieldsFilledIn() {
        LeadFacts f = LeadFacts.builder()
                .email("  Pat@ACME.io ")
                .title("VP Sales")
                .country("DE")
                .industry("   ")
                .build();

        assertThat(f.email()).isEqualTo("pat@acme.io");
        assertThat(f.emailDomain()).isEqualTo("acme.io");
        assertThat(f.jobLevel()).isEqualTo("vp");
        assertThat(f.country()).isEqualTo("de");
        assertThat(f.industry()).isNull();
        assertThat(LeadFacts.builder().build().jobLevel()).isNull();
    }

    @Test
    void givenDerivedFieldsWin() {
        LeadFacts f = LeadFacts.builder()
                .email("pat@mail.acme.io")
                .emailDomain("acme.io")
                .title("Boss")
                .jobLevel("c_level")
                .build();

        assertThat(f.emailDomain()).isEqualTo("acme.io");
        assertThat(f.jobLevel()).isEqualTo("c_level");
    }
}
