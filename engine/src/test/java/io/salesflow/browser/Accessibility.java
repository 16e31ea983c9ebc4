package io.salesflow.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core on a page as the user sees it now: no {@code serious} or {@code critical} violation. The failure lists
 * each violation with the elements it found, so it can be fixed from the test report alone.
 */
public final class Accessibility {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private final Page page;
    private final List<String> excluded = new ArrayList<>();

    private Accessibility(Page page) {
        this.page = page;
    }

    /** A check of the whole page. */
    public static Accessibility of(Page page) {
        return new Accessibility(page);
    }

    /** Leaves out what matches a CSS selector, e.g. a third-party canvas checked elsewhere; say why at the call. */
    public Accessibility excluding(String selector) {
        excluded.add(selector);
        return this;
    }

    /** Fails listing every serious or critical violation. */
    public void assertNoSeriousViolations() {
        AxeBuilder axe = new AxeBuilder(page);
        if (!excluded.isEmpty()) {
            axe.exclude(excluded);
        }
        AxeResults results = axe.analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            throw new AssertionError(
                    blocking.size() + " serious or critical accessibility violation(s) on " + page.url() + ":\n"
                            + blocking.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        StringBuilder text = new StringBuilder("- ")
                .append(rule.getId())
                .append(" (")
                .append(rule.getImpact())
                .append("): ")
                .append(rule.getHelp())
                .append(" — ")
                .append(rule.getHelpUrl());
        for (CheckedNode node : rule.getNodes()) {
            text.append("\n    ").append(node.getTarget()).append(": ").append(node.getHtml());
            if (node.getFailureSummary() != null) {
                text.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
            }
        }
        return text.toString();
    }
}
