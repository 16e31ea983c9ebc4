package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a phone (390 × 844), a rep and an admin reach every page through the burger menu, and no page is wider than
 * the screen: wide tables scroll inside their own box, toolbars wrap.
 */
@BrowserJourney
class UsingEveryPageOnAPhoneJourneyTest {

    private static final Pattern LOADING = Pattern.compile("^Loading");
    private static final int WIDTH = 390;

    @ParameterizedTest
    @ValueSource(strings = {"rep@acme.test", "admin@acme.test"})
    void everyPageFitsAPhoneAndTheNavigationOpensFromTheBurger(String email, Page page) {
        page.setViewportSize(WIDTH, 844);
        page.navigate("/");
        List<String> overflowing = new ArrayList<>();
        checkWidth(page, "sign-in", overflowing);
        assertTheCheckSeesAWidePage(page);
        Journeys.signIn(page, "acme", email);

        Locator navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        Locator burger = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open navigation"));
        assertThat(burger).isVisible();
        assertThat(navigation.getByRole(AriaRole.LINK).first()).not().isInViewport();
        burger.click();
        assertThat(navigation.getByRole(AriaRole.LINK).first()).isInViewport();
        List<String> entries = navigation.getByRole(AriaRole.LINK).allInnerTexts();
        assertThat(entries).contains("Dashboard", "Leads");

        Set<String> visited = new LinkedHashSet<>();
        for (String entry : entries) {
            if (!burger.isVisible()) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close navigation"))
                        .click();
            }
            burger.click();
            Locator link = navigation.getByRole(
                    AriaRole.LINK, new Locator.GetByRoleOptions().setName(entry).setExact(true));
            assertThat(link).isInViewport();
            link.click();
            assertThat(link).hasAttribute("aria-current", "page");
            assertThat(burger).isVisible();
            settle(page);
            checkWidth(page, entry, overflowing);
            visited.add(page.url());
        }

        // The pages behind the lists and the admin home: a record, and each admin page.
        page.navigate("/leads");
        settle(page);
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK).first().click();
        settle(page);
        checkWidth(page, "a lead", overflowing);
        if (entries.contains("Admin")) {
            page.navigate("/admin");
            settle(page);
            List<String> adminPages =
                    page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK).allInnerTexts();
            for (String adminPage : adminPages) {
                page.navigate("/admin");
                settle(page);
                page.getByRole(AriaRole.MAIN)
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions()
                                        .setName(adminPage)
                                        .setExact(true))
                        .click();
                settle(page);
                checkWidth(page, "admin: " + adminPage, overflowing);
            }
        }

        assertThat(overflowing)
                .as("pages wider than a %d px phone for %s (visited %s)", WIDTH, email, visited)
                .isEmpty();
    }

    /** The measurement itself: a page made wider than the phone is reported (and the page is put back). */
    private static void assertTheCheckSeesAWidePage(Page page) {
        page.evaluate("() => { const wide = document.createElement('div'); wide.id = 'too-wide';"
                + " wide.style.width = '600px'; wide.style.height = '1px'; document.body.appendChild(wide); }");
        List<String> seen = new ArrayList<>();
        checkWidth(page, "a page with a 600 px block", seen);
        page.evaluate("() => document.getElementById('too-wide').remove()");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).contains("600 px wide");
    }

    private static void settle(Page page) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .first())
                .isVisible();
        assertThat(page.getByLabel(LOADING)).hasCount(0);
    }

    private static void checkWidth(Page page, String name, List<String> overflowing) {
        Object widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth, [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                        + " && !e.closest('[data-scroll-x], .mantine-ScrollArea-viewport, .mantine-Table-scrollContainer'))"
                        + ".slice(0, 3).map(e => e.tagName + '.' + String(e.className).slice(0, 60))]");
        List<?> values = (List<?>) widths;
        int scrollWidth = ((Number) values.get(0)).intValue();
        int innerWidth = ((Number) values.get(1)).intValue();
        if (scrollWidth > innerWidth) {
            overflowing.add(name + " (" + page.url() + "): " + scrollWidth + " px wide, widest " + values.get(2));
        }
    }
}
