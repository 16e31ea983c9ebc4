package io.salesflow.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.support.Api;
import java.util.regex.Pattern;

/**
 * Steps many journeys share, written against what a user sees (roles, labels, names) rather than markup, so they
 * survive a restyling of the pages.
 */
public final class Journeys {

    private static final Pattern WORKSPACE = Pattern.compile("^Workspace\\b");
    private static final Pattern EMAIL = Pattern.compile("^Email\\b");
    private static final Pattern PASSWORD = Pattern.compile("^Password\\b");

    private Journeys() {}

    /** Signs a demo user in (password {@value Api#DEMO_PASSWORD}) from the start page and waits until they are in. */
    public static void signIn(Page page, String workspace, String email) {
        submitSignIn(page, workspace, email, Api.DEMO_PASSWORD);
        Locator password = page.getByLabel(PASSWORD);
        Locator refusal = page.getByRole(AriaRole.ALERT);
        page.waitForCondition(() -> password.count() == 0 || refusal.count() > 0);
        if (refusal.count() > 0) {
            throw new AssertionError("Signing in as " + email + " to " + workspace + " failed: "
                    + refusal.first().innerText());
        }
    }

    /** Opens the start page and submits the sign-in form, without waiting for the outcome. */
    public static void submitSignIn(Page page, String workspace, String email, String password) {
        page.navigate("/");
        page.getByLabel(WORKSPACE).fill(workspace);
        page.getByLabel(EMAIL).fill(email);
        page.getByLabel(PASSWORD).fill(password);
        signInButton(page).click();
    }

    /** The sign-in form's submit button. */
    public static Locator signInButton(Page page) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true));
    }
}
