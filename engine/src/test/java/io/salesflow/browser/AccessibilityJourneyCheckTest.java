package io.salesflow.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The accessibility check fails on what it must catch, naming the rule and the element. */
@BrowserJourney
class AccessibilityJourneyCheckTest {

    @Test
    void anUnlabelledFieldAndAnImageWithoutTextFailTheCheckWithTheirElements(Page page) {
        page.setContent("<!doctype html><html lang=\"en\"><title>Broken</title><main>"
                + "<h1>Broken</h1><img src=\"data:,\"><input id=\"nameless\"></main></html>");

        assertThatThrownBy(() -> Accessibility.of(page).assertNoSeriousViolations())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("label (critical)")
                .hasMessageContaining("#nameless");
    }

    @Test
    void anExcludedPartIsNotChecked(Page page) {
        page.setContent("<!doctype html><html lang=\"en\"><title>Canvas</title><main>"
                + "<h1>Canvas</h1><div class=\"canvas\"><input></div></main></html>");

        Accessibility.of(page).excluding(".canvas").assertNoSeriousViolations();
    }
}
