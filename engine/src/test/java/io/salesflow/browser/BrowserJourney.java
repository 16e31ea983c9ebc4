package io.salesflow.browser;

import io.salesflow.support.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user journey in headless Chromium against the running application, in the same Spring context (and embedded
 * PostgreSQL) as every {@link IntegrationTest}. Test methods take a {@link com.microsoft.playwright.Page} (a fresh
 * browser context per test, its base URL the application's) and may take the
 * {@link com.microsoft.playwright.BrowserContext} to open a second tab. A failed journey leaves a screenshot of each
 * open page and the browser's console log in {@code target/journeys/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Tag("browser")
@ExtendWith(JourneyExtension.class)
public @interface BrowserJourney {}
