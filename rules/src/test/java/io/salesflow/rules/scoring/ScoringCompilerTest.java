package io.salesflow.rules.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.rules.criteria.Condition;
import io.salesflow.rules.criteria.EngagementCondition;
import io.salesflow.rules.criteria.LeadField;
import io.salesflow.rules.criteria.Operator;
import io.salesflow.rules.drl.CompileProblem;
import io.salesflow.rules.drl.CompileResult;
import io.salesflow.rules.drl.RuleSetInvalidException;
import io.salesflow.rules.facts.EngagementType;
import io.salesflow.rules.facts.LeadFacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringCompilerTest {

    private static final String HEADER =
            """
            package tenant.rules;

            import io.salesflow.rules.facts.LeadFacts;
            import io.salesflow.rules.facts.EngagementType;
            import io.salesflow.rules.scoring.EngagementFact;
            """;

    private static CompileResult<CompiledScoringRuleSet> compileDrl(String rules) {
        return ScoringCompiler.compileDrl("v-test", HEADER + rules, null);
    }

    @Test
    void adminDrlWithPointsCompilesAndScores() {
        CompiledScoringRuleSet set = compileDrl(
                        """
                        rule "Germany"
                            @points(7)
                            @type("FIRMOGRAPHIC")
                        when
                            LeadFacts( country == "de" )
                        then
                        end

                        rule "Per click"
                            @points(2)
                        when
                            EngagementFact( type == EngagementType.EMAIL_CLICKED, ageSeconds < 864000 )
                        then
                        end
                        """)
                .orElseThrow();

        ScoreResult r = set.score(Leads.facts(
                LeadFacts.builder().country("DE"),
                Leads.daysAgo(1, EngagementType.EMAIL_CLICKED),
                Leads.daysAgo(2, EngagementType.EMAIL_CLICKED)));

        assertThat(r.fired())
                .containsExactlyInAnyOrder(
                        new FiredRule("Germany", RuleType.FIRMOGRAPHIC, 7),
                        new FiredRule("Per click", null, 2),
                        new FiredRule("Per click", null, 2));
        assertThat(r.rawTotal()).isEqualTo(11);
    }

    @Test
    void brokenDrlReportsRuleNameLineAndMessage() {
        CompileResult<CompiledScoringRuleSet> result = compileDrl(
                """
                rule "Fine"
                    @points(1)
                when
                    LeadFacts( country == "de" )
                then
                end

                rule "Unknown field"
                    @points(5)
                when
                    LeadFacts( shoeSize > 44 )
                then
                end
                """);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("Unknown field");
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).contains("shoeSize");
        });
    }

    @Test
    void syntaxErrorReportsRuleNameAndLine() {
        CompileResult<CompiledScoringRuleSet> result = compileDrl(
                """
                rule "Unclosed"
                    @points(5)
                when
                    LeadFacts( country == "de"
                then
                end
                """);

        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.rule()).isEqualTo("Unclosed");
            assertThat(p.line()).isBetween(6, 11);
            assertThat(p.message()).isNotBlank();
        });
    }

    @Test
    void ruleWithoutPointsIsRefused() {
        CompileResult<CompiledScoringRuleSet> result = compileDrl(
                """
                rule "Pointless"
                when
                    LeadFacts()
                then
                end
                """);

        assertThat(result.problems())
                .containsExactly(new CompileProblem("Pointless", 0, "needs @points(n) with n between -1000 and 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "static call in a constraint | LeadFacts( country == java.lang.System.getProperty(\"x\") ) | .lang is not allowed",
                "call of an unknown method | LeadFacts( country.getClass() != null ) | calling getClass(...) is not allowed",
                "object creation | LeadFacts( country == new String(\"de\") ) | new is not allowed",
                "eval | eval( true ) | eval is not allowed",
                "from | $s : String() from \"x\" | from, collect and entry points are not allowed",
                "other fact types | String() | pattern type String is not allowed",
                "inline accumulate code | Number( intValue > 0 ) from accumulate( LeadFacts(), init( int n = 0; ), action( n++; ), result( n ) ) | accumulate with init/action/result code is not allowed",
                "accumulate with count is allowed | accumulate( LeadFacts(); $n : count(); $n > 0 ) LeadFacts( country == \"de\" ) | ",
            })
    void adminDrlIsLimitedToFactsAndComparisons(String what, String when, String refusal) {
        CompileResult<CompiledScoringRuleSet> result =
                compileDrl("rule \"R\"\n    @points(1)\nwhen\n    " + when + "\nthen\nend\n");

        if (refusal == null) {
            assertThat(result.succeeded()).as(what).isTrue();
        } else {
            assertThat(result.problems()).as(what).anySatisfy(p -> {
                assertThat(p.rule()).isEqualTo("R");
                assertThat(p.message()).contains(refusal);
            });
        }
    }

    @Test
    void adminDrlMayNotRunCodeAnywhereElse() {
        String code =
                """
                package tenant.rules;
                import io.salesflow.rules.facts.LeadFacts;
                import java.io.File;
                global java.util.List out;
                function void boom() { System.exit(1); }
                rule "R"
                    @points(System.exit(1))
                    salience (System.nanoTime())
                when
                    LeadFacts()
                then
                    System.exit(1);
                end
                """;

        List<String> messages = ScoringCompiler.compileDrl("v", code, null).problems().stream()
                .map(CompileProblem::message)
                .toList();

        assertThat(messages)
                .anyMatch(m -> m.startsWith("import java.io.File is not allowed"))
                .anyMatch(m -> m.equals("functions are not allowed"))
                .anyMatch(m -> m.equals("globals are not allowed"))
                .anyMatch(m -> m.startsWith("@points must have a number"))
                .anyMatch(m -> m.equals("salience must be a whole number"))
                .anyMatch(m -> m.startsWith("the consequence (then ... end) must be empty"));
    }

    @Test
    void invalidRuleDataIsReportedPerRuleBeforeAnyDrl() {
        ScoringRuleSet set = new ScoringRuleSet(
                "v1",
                new TemperatureThresholds(30, 60),
                List.of(
                        rule("Quote \" in name", List.of(Condition.of(LeadField.COUNTRY, Operator.EQUALS, "de"))),
                        rule("Two values", List.of(Condition.of(LeadField.COUNTRY, Operator.EQUALS, "de", "at"))),
                        new ScoringRule(
                                "Bad window",
                                RuleType.ENGAGEMENT,
                                null,
                                List.of(),
                                List.of(new EngagementCondition(EngagementType.EMAIL_OPENED, null, 0, 1, null)),
                                5,
                                0,
                                null,
                                true)));

        CompileResult<CompiledScoringRuleSet> result = ScoringCompiler.compile(set);

        assertThat(result.problems())
                .extracting(p -> p.rule() + ": " + p.message())
                .containsExactly(
                        "null: thresholds must satisfy 0 <= warm <= hot <= 100, got warm 60, hot 30",
                        "Quote \" in name: rule name \"Quote \" in name\" must be 1-120 letters, digits, spaces or"
                                + " _.,:;/&+%#()<>=!?'*- without leading or trailing spaces",
                        "Two values: EQUALS on COUNTRY takes one value, got 2",
                        "Bad window: EMAIL_OPENED: withinDays must be between 1 and 3650");
        assertThatThrownBy(result::orElseThrow)
                .isInstanceOf(RuleSetInvalidException.class)
                .satisfies(e ->
                        assertThat(((RuleSetInvalidException) e).problems()).hasSize(4));
    }

    @Test
    void tagsAreTestedAsAListAndOnlyWithListOperators() {
        ScoringRuleSet refused = new ScoringRuleSet(
                "v1",
                null,
                List.of(rule("Tag equals", List.of(Condition.of(LeadField.ACCOUNT_TAGS, Operator.EQUALS, "abm")))));
        assertThat(ScoringCompiler.compile(refused).problems())
                .extracting(p -> p.rule() + ": " + p.message())
                .containsExactly("Tag equals: ACCOUNT_TAGS is a list: use CONTAINS_ANY, PRESENT or ABSENT");

        CompiledScoringRuleSet set = ScoringCompiler.compile(new ScoringRuleSet(
                        "v1",
                        null,
                        List.of(
                                rule("Tagged", List.of(Condition.of(LeadField.ACCOUNT_TAGS, Operator.PRESENT))),
                                rule("Untagged", List.of(Condition.of(LeadField.ACCOUNT_TAGS, Operator.ABSENT))),
                                rule(
                                        "Enterprise",
                                        List.of(Condition.of(
                                                LeadField.ACCOUNT_TAGS, Operator.CONTAINS_ANY, "Enterprise"))))))
                .orElseThrow();

        assertThat(set.score(Leads.facts(Leads.neutral())).fired())
                .extracting(FiredRule::rule)
                .containsExactly("Untagged");
        assertThat(set.score(Leads.facts(Leads.neutral().accountTags(List.of("enterprise-ish"))))
                        .fired())
                .as("a tag is matched whole, not as a part of another")
                .extracting(FiredRule::rule)
                .containsExactly("Tagged");
        assertThat(set.score(Leads.facts(Leads.neutral().accountTags(List.of("ENTERPRISE"))))
                        .fired())
                .extracting(FiredRule::rule)
                .containsExactlyInAnyOrder("Tagged", "Enterprise");
    }

    @Test
    void inactiveRulesAreLeftOut() {
        ScoringRuleSet set = new ScoringRuleSet(
                "v1",
                null,
                List.of(rule("On", List.of()), rule("Off", List.of()).withActive(false)));

        ScoreResult r = ScoringCompiler.compile(set).orElseThrow().score(Leads.facts(Leads.neutral()));

        assertThat(r.fired()).extracting(FiredRule::rule).containsExactly("On");
    }

    @Test
    void generatedDrlIsShownForTheEditor() {
        String drl = ScoringCompiler.toDrl(new ScoringRuleSet(
                "v1",
                null,
                List.of(rule("Germany", List.of(Condition.of(LeadField.COUNTRY, Operator.IN, "DE", "AT"))))));

        assertThat(drl)
                .contains("rule \"Germany\"")
                .contains("@points(5)")
                .contains("LeadFacts( (country in (\"de\", \"at\")) )");
    }

    static ScoringRule rule(String name, List<Condition> conditions) {
        return new ScoringRule(name, RuleType.FIRMOGRAPHIC, null, conditions, List.of(), 5, 0, null, true);
    }
}
