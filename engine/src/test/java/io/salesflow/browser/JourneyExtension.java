package io.salesflow.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.salesflow.support.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each journey a fresh browser context on the run's one Chromium, pointed at the running application, and
 * keeps what a failed journey leaves behind: a full-page screenshot of each open page and the browser's log.
 */
final class JourneyExtension implements ParameterResolver, AfterTestExecutionCallback {

    static final Path ARTEFACTS = Path.of("target", "journeys");
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(JourneyExtension.class);

    static {
        // The shared CI machine is slower than a laptop; a real failure still shows within seconds.
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = session(context);
        return parameter.getParameter().getType() == Page.class ? session.firstPage() : session.browserContext;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).get(Session.class, Session.class);
        if (session != null && context.getExecutionException().isPresent()) {
            session.keepEvidence(artefactName(context));
        }
    }

    private static Session session(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Session.class, key -> open(context), Session.class);
    }

    private static Session open(ExtensionContext context) {
        Browser browser = Chromium.of(context);
        String baseUrl = SpringExtension.getApplicationContext(context)
                .getBean(Api.class)
                .base();
        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(1280, 800)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        browserContext.setDefaultTimeout(15_000);
        return new Session(browserContext);
    }

    private static String artefactName(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        String name = context.getRequiredTestClass().getSimpleName() + "." + method;
        String display = context.getDisplayName();
        if (!display.startsWith(method + "(")) {
            name += "-" + display;
        }
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** One journey's browser context, the pages it opened and what they logged; closed by JUnit after the test. */
    private static final class Session implements ExtensionContext.Store.CloseableResource {

        private final BrowserContext browserContext;
        private final List<Page> pages = Collections.synchronizedList(new ArrayList<>());
        private final List<String> log = Collections.synchronizedList(new ArrayList<>());

        Session(BrowserContext browserContext) {
            this.browserContext = browserContext;
            browserContext.onPage(this::watch);
        }

        Page firstPage() {
            return pages.isEmpty() ? browserContext.newPage() : pages.get(0);
        }

        private void watch(Page page) {
            pages.add(page);
            String tab = "tab " + pages.size();
            page.onConsoleMessage(message -> log.add(
                    tab + " console." + message.type() + ": " + message.text() + " (" + message.location() + ")"));
            page.onPageError(error -> log.add(tab + " uncaught: " + error));
            page.onRequestFailed(request ->
                    log.add(tab + " failed: " + request.method() + " " + request.url() + " " + request.failure()));
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    log.add(tab + " HTTP " + response.status() + ": "
                            + response.request().method() + " " + response.url());
                }
            });
        }

        void keepEvidence(String name) {
            try {
                Files.createDirectories(ARTEFACTS);
                List<String> lines = new ArrayList<>();
                List<Page> open = new ArrayList<>(pages);
                for (int i = 0; i < open.size(); i++) {
                    Page page = open.get(i);
                    if (page.isClosed()) {
                        lines.add("tab " + (i + 1) + ": closed");
                        continue;
                    }
                    String suffix = i == 0 ? "" : "-tab" + (i + 1);
                    Path screenshot = ARTEFACTS.resolve(name + suffix + ".png");
                    page.screenshot(
                            new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
                    lines.add("tab " + (i + 1) + ": " + page.url() + " — " + screenshot.getFileName());
                }
                lines.add("");
                lines.addAll(log);
                Path logFile = ARTEFACTS.resolve(name + ".log");
                Files.write(logFile, lines);
                System.out.println("Failed journey's screenshots and browser log: "
                        + logFile.toAbsolutePath().getParent().resolve(name) + ".*");
            } catch (IOException | RuntimeException e) {
                // The journey's own failure is what matters; evidence is best effort.
                System.err.println("Could not keep the evidence of " + name + ": " + e);
            }
        }

        @Override
        public void close() {
            browserContext.close();
        }
    }
}
