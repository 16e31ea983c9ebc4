package io.salesflow.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM's one Playwright driver and headless Debian Chromium, started by the first journey and closed when
 * the test run ends. Playwright never downloads a browser here: it drives {@code /usr/bin/chromium} (or the one
 * {@code SALESFLOW_CHROMIUM} names) and runs its driver from the driver-bundle jar, unpacked to a temp directory.
 */
final class Chromium implements ExtensionContext.Store.CloseableResource {

    static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** The run's browser, started on first use; JUnit closes it with the root context (after the last test). */
    static Browser of(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(Chromium.class))
                .getOrComputeIfAbsent(Chromium.class, key -> start(), Chromium.class)
                .browser;
    }

    private static Chromium start() {
        Path executable = executable();
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: browser journeys drive Debian's Chromium"
                    + " (apt-get install chromium; .ci/run does it), or set SALESFLOW_CHROMIUM to another Chromium.");
        }
        long start = System.nanoTime();
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(executable)
                            .setHeadless(true)
                            .setArgs(arguments()));
            System.out.printf(
                    "Browser journeys: Chromium %s from %s, started in %d ms%n",
                    browser.version(), executable, (System.nanoTime() - start) / 1_000_000);
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    private static Path executable() {
        String configured = System.getenv("SALESFLOW_CHROMIUM");
        return configured == null || configured.isBlank() ? DEFAULT_EXECUTABLE : Path.of(configured);
    }

    private static List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--disable-dev-shm-usage"));
        // Chromium's sandbox refuses to run as root (CI containers do).
        if ("root".equals(System.getProperty("user.name"))) {
            arguments.add("--no-sandbox");
        }
        return arguments;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
