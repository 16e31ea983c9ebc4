package io.salesflow.rules.scoring;

import static io.salesflow.rules.facts.EngagementType.ACTIVITY_COMPLETED;
import static io.salesflow.rules.facts.EngagementType.EMAIL_BOUNCED;
import static io.salesflow.rules.facts.EngagementType.EMAIL_CLICKED;
import static io.salesflow.rules.facts.EngagementType.EMAIL_OPENED;
import static io.salesflow.rules.facts.EngagementType.EMAIL_REPLIED;
import static io.salesflow.rules.facts.EngagementType.FORM_SUBMITTED;
import static io.salesflow.rules.facts.EngagementType.MEETING_BOOKED;
import static io.salesflow.rules.facts.EngagementType.PAGE_VISITED;
import static io.salesflow.rules.facts.EngagementType.UNSUBSCRIBED;
import static io.salesflow.rules.facts.EngagementType.WEBINAR_ATTENDED;
import static io.salesflow.rules.scoring.Leads.daysAgo;
import static io.salesflow.rules.scoring.Leads.facts;
import static io.salesflow.rules.scoring.Leads.neutral;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.facts.EngagementType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One test per outcome of each default scoring rule: a lead it fires for and a lead it does not fire for. */
class DefaultScoringRulesTest {

    private static final CompiledScoringRuleSet RULES = DefaultRuleSets.compiledScoring();

    private record Case(ScoringFacts fires, ScoringFacts doesNotFire) {}

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static void when(String rule, ScoringFacts fires, ScoringFacts doesNotFire) {
        CASES.put(rule, new Case(fires, doesNotFire));
    }

    private static EngagementEvent[] times(int n, int daysAgo, EngagementType type) {
        return IntStream.range(0, n).mapToObj(i -> daysAgo(daysAgo, type)).toArray(EngagementEvent[]::new);
    }

    static {
        when(
                "Business email domain",
                facts(neutral().email("pat@acme.io")),
                facts(neutral().email("pat@gmail.com").emailDomain(null)));
        when("Free-mail address", facts(neutral().email("pat@Hotmail.com").emailDomain(null)), facts(neutral()));
        when("No email address", facts(neutral().email(null).emailDomain(null)), facts(neutral()));
        when(
                "Academic email domain",
                facts(neutral().email("pat@stanford.edu").emailDomain(null)),
                facts(neutral().email("pat@education.com").emailDomain(null)));
        when(
                "C-level title",
                facts(neutral().title("Chief Executive Officer")),
                facts(neutral().title("VP Sales")));
        when(
                "VP title",
                facts(neutral().title("Vice President, Finance")),
                facts(neutral().title("CFO")));
        when(
                "Director title",
                facts(neutral().title("Head of Operations")),
                facts(neutral().title("Operations Manager")));
        when(
                "Manager title",
                facts(neutral().title("Office Manager")),
                facts(neutral().title("Account Executive")));
        when(
                "Individual contributor title",
                facts(neutral().title("Account Executive")),
                facts(neutral().title("Director of Engineering")));
        when(
                "Student or intern",
                facts(neutral().title("Marketing Intern")),
                facts(neutral().title("Marketer")));
        when(
                "Sales or revenue role",
                facts(neutral().title("Revenue Operations Analyst")),
                facts(neutral().title("Software Engineer")));
        when("Phone number given", facts(neutral().phonePresent(true)), facts(neutral()));
        when(
                "Competitor email domain",
                facts(neutral().email("sam@hubspot.com").emailDomain(null)),
                facts(neutral().email("sam@hubspot-fans.org").emailDomain(null)));
        when(
                "Company size 1-10",
                facts(neutral().companySize("1-10")),
                facts(neutral().companySize("11-50")));
        when(
                "Company size 11-50",
                facts(neutral().companySize("11-50")),
                facts(neutral().companySize("1-10")));
        when(
                "Company size 51-200",
                facts(neutral().companySize("51-200")),
                facts(neutral().companySize("201-500")));
        when(
                "Company size 201-1000",
                facts(neutral().companySize("501-1000")),
                facts(neutral().companySize("1001-5000")));
        when(
                "Company size 1001+",
                facts(neutral().companySize("5001+")),
                facts(neutral().companySize("501-1000")));
        when(
                "Target industry",
                facts(neutral().industry("Computer Software")),
                facts(neutral().industry("Retail")));
        when(
                "Low-fit industry",
                facts(neutral().industry("Government Administration")),
                facts(neutral().industry("Financial Services")));
        when(
                "Core market country",
                facts(neutral().country("DE")),
                facts(neutral().country("AT")));
        when(
                "Secondary market country",
                facts(neutral().country("AT")),
                facts(neutral().country("DE")));
        when(
                "Unsupported country",
                facts(neutral().country("RU")),
                facts(neutral().country("UA")));
        when("Company name missing", facts(neutral().company(" ")), facts(neutral()));
        when(
                "Existing customer",
                facts(neutral().accountKnown(true).accountCustomer(true)),
                facts(neutral().accountKnown(true).accountCustomer(false)));
        when(
                "Target account",
                facts(neutral().accountKnown(true).accountTags(List.of("Enterprise", " Target Account "))),
                facts(neutral().accountKnown(true).accountTags(List.of("targeted-ads", "partner"))));
        when(
                "Known decision maker",
                facts(neutral().contactKnown(true).contactRole("economic_buyer")),
                facts(neutral().contactKnown(true).contactRole("champion")));
        when(
                "Contact opted out",
                facts(neutral().contactKnown(true).contactStatus("Unsubscribed")),
                facts(neutral().contactKnown(true).contactStatus("inactive")));
        when(
                "Referral source",
                facts(neutral().source("referral")),
                facts(neutral().source("partner")));
        when(
                "Partner source",
                facts(neutral().source("partner")),
                facts(neutral().source("referral")));
        when("Event source", facts(neutral().source("event")), facts(neutral().source("web_form")));
        when(
                "Inbound source",
                facts(neutral().source("inbound_email")),
                facts(neutral().source("import")));
        when("Imported list", facts(neutral().source("import")), facts(neutral().source("api")));
        when("Product interest stated", facts(neutral().productInterest("Sales Cloud")), facts(neutral()));
        when(
                "Unqualified status",
                facts(neutral().status("unqualified")),
                facts(neutral().status("qualified")));
        when(
                "Demo requested",
                facts(neutral(), daysAgo(89, FORM_SUBMITTED, "demo_request")),
                facts(neutral(), daysAgo(91, FORM_SUBMITTED, "demo_request")));
        when(
                "Other form submitted",
                facts(neutral(), daysAgo(5, FORM_SUBMITTED, "contact_us")),
                facts(neutral(), daysAgo(5, FORM_SUBMITTED, "demo_request")));
        when(
                "Pricing page visited",
                facts(neutral(), daysAgo(3, PAGE_VISITED, "Pricing")),
                facts(neutral(), daysAgo(3, PAGE_VISITED, "careers")));
        when(
                "Webinar attended",
                facts(neutral(), daysAgo(30, WEBINAR_ATTENDED)),
                facts(neutral(), daysAgo(120, WEBINAR_ATTENDED)));
        when(
                "Email opened often",
                facts(neutral(), times(5, 29, EMAIL_OPENED)),
                facts(neutral(), times(4, 29, EMAIL_OPENED)));
        when(
                "Email opened",
                facts(neutral(), times(4, 10, EMAIL_OPENED)),
                facts(neutral(), times(5, 10, EMAIL_OPENED)));
        when(
                "Email links clicked often",
                facts(neutral(), times(3, 1, EMAIL_CLICKED)),
                facts(neutral(), times(2, 1, EMAIL_CLICKED)));
        when(
                "Email link clicked",
                facts(neutral(), daysAgo(30, EMAIL_CLICKED)),
                facts(neutral(), daysAgo(31, EMAIL_CLICKED)));
        when(
                "Replied to an email",
                facts(neutral(), daysAgo(59, EMAIL_REPLIED)),
                facts(neutral(), daysAgo(61, EMAIL_REPLIED)));
        when(
                "Meeting booked",
                facts(neutral(), daysAgo(59, MEETING_BOOKED)),
                facts(neutral(), daysAgo(61, MEETING_BOOKED)));
        when(
                "Activity completed",
                facts(neutral(), daysAgo(29, ACTIVITY_COMPLETED)),
                facts(neutral(), daysAgo(31, ACTIVITY_COMPLETED)));
        when("Email bounced", facts(neutral(), daysAgo(400, EMAIL_BOUNCED)), facts(neutral()));
        when("Unsubscribed", facts(neutral(), daysAgo(2, UNSUBSCRIBED)), facts(neutral()));
        when(
                "Gone quiet",
                facts(neutral(), daysAgo(120, EMAIL_OPENED)),
                facts(neutral(), daysAgo(120, EMAIL_OPENED), daysAgo(10, EMAIL_CLICKED)));
    }

    static Stream<Arguments> outcomes() {
        List<Arguments> outcomes = new ArrayList<>();
        CASES.forEach((rule, c) -> {
            outcomes.add(Arguments.of(rule, true, c.fires()));
            outcomes.add(Arguments.of(rule, false, c.doesNotFire()));
        });
        return outcomes.stream();
    }

    @ParameterizedTest(name = "{0}: fires={1}")
    @MethodSource("outcomes")
    void ruleFiresExactlyForItsLead(String rule, boolean fires, ScoringFacts facts) {
        ScoreResult result = RULES.score(facts);

        List<String> fired = result.fired().stream().map(FiredRule::rule).toList();
        if (fires) {
            assertThat(fired).contains(rule);
        } else {
            assertThat(fired).doesNotContain(rule);
        }
    }

    @Test
    void everyDefaultRuleHasBothOutcomesTested() {
        List<String> rules = DefaultRuleSets.scoring().rules().stream()
                .map(ScoringRule::name)
                .toList();

        assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(rules);
        assertThat(rules).hasSizeBetween(30, 50);
    }

    static Stream<Arguments> windowEdges() {
        return Stream.of(
                Arguments.of("Email opened", facts(neutral(), daysAgo(31, EMAIL_OPENED))),
                Arguments.of("Email opened often", facts(neutral(), times(5, 31, EMAIL_OPENED))),
                Arguments.of("Email links clicked often", facts(neutral(), times(3, 31, EMAIL_CLICKED))),
                Arguments.of("Pricing page visited", facts(neutral(), daysAgo(31, PAGE_VISITED, "pricing"))),
                Arguments.of("Other form submitted", facts(neutral(), daysAgo(31, FORM_SUBMITTED, "contact_us"))),
                Arguments.of("Gone quiet", facts(neutral(), daysAgo(120, EMAIL_OPENED), daysAgo(80, EMAIL_OPENED))),
                Arguments.of("Gone quiet", facts(neutral(), daysAgo(120, EMAIL_OPENED), daysAgo(10, EMAIL_REPLIED))),
                Arguments.of("Gone quiet", facts(neutral())),
                Arguments.of("Company size 201-1000", facts(neutral().companySize("1001-5000"))),
                Arguments.of("Company size 1001+", facts(neutral().companySize("501-1000"))));
    }

    /** The other side of the windows and bands: an engagement just too old, a size in the next band. */
    @ParameterizedTest(name = "{0} does not fire")
    @MethodSource("windowEdges")
    void ruleDoesNotFireJustOutsideItsWindowOrBand(String rule, ScoringFacts facts) {
        assertThat(RULES.score(facts).fired()).extracting(FiredRule::rule).doesNotContain(rule);
    }

    @Test
    void theNeutralLeadFiresOnlyTheBusinessEmailRule() {
        assertThat(RULES.score(facts(neutral())).fired())
                .extracting(FiredRule::rule)
                .containsExactly("Business email domain");
    }

    @Test
    void firedRuleCarriesTheRuleTypeAndPoints() {
        ScoreResult result = RULES.score(facts(neutral().source("referral")));

        assertThat(result.fired())
                .contains(new FiredRule("Referral source", RuleType.BEHAVIOURAL, 15))
                .contains(new FiredRule("Business email domain", RuleType.DEMOGRAPHIC, 10));
    }

    @Test
    void idealLeadIsHotAndClampedTo100() {
        ScoreResult result = RULES.score(facts(
                neutral()
                        .title("CTO")
                        .companySize("201-500")
                        .industry("SaaS")
                        .country("US")
                        .source("referral")
                        .phonePresent(true),
                daysAgo(2, FORM_SUBMITTED, "demo_request"),
                daysAgo(1, MEETING_BOOKED)));

        assertThat(result.rawTotal()).isGreaterThan(100);
        assertThat(result.score()).isEqualTo(100);
        assertThat(result.temperature()).isEqualTo(Temperature.HOT);
    }

    @Test
    void poorLeadIsColdAndClampedTo0() {
        ScoreResult result = RULES.score(facts(
                neutral()
                        .email("kid@gmail.com")
                        .emailDomain(null)
                        .title("Student")
                        .source("import"),
                daysAgo(3, UNSUBSCRIBED)));

        assertThat(result.rawTotal()).isNegative();
        assertThat(result.score()).isZero();
        assertThat(result.temperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void warmLeadSitsBetweenTheThresholds() {
        ScoreResult result = RULES.score(facts(
                neutral().title("Sales Director").companySize("51-200").country("GB"), daysAgo(5, EMAIL_CLICKED)));

        assertThat(result.score()).isEqualTo(10 + 12 + 6 + 10 + 10 + 6);
        assertThat(result.temperature()).isEqualTo(Temperature.WARM);
    }

    @Test
    void eventsAfterTheScoringTimeDoNotCount() {
        ScoringFacts future = new ScoringFacts(neutral().build(), List.of(daysAgo(-1, MEETING_BOOKED)), Leads.NOW);

        assertThat(RULES.score(future).fired()).extracting(FiredRule::rule).doesNotContain("Meeting booked");
    }
}
