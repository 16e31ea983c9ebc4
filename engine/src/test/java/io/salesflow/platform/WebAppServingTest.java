package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The web app as a browser gets it: a deep link or a reload opens the app's page, the server's own paths keep their
 * answers, hashed assets are cached for good and compressed, the page is revalidated, API answers are never stored.
 * The page and asset are the real build's (the webapp module's jar or target/classes on the test classpath).
 */
@IntegrationTest
class WebAppServingTest {

    /** What Chromium sends when it navigates. */
    private static final String NAVIGATION =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    @Autowired
    Api api;

    private String index;

    @BeforeEach
    void readTheBuiltPage() throws IOException {
        ClassPathResource page = new ClassPathResource("static/index.html");
        assertThat(page.exists())
                .as("the webapp module's build (static/index.html) is on the test classpath")
                .isTrue();
        index = page.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aDeepLinkOrReloadAnswersTheAppsPage() {
        for (String path : List.of("/leads", "/leads/123", "/tasks?x=1", "/modeler/lead-nurture", "/leads/")) {
            Api.Response page = navigate(path).expect(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).isEqualTo(index);
            assertThat(page.header("Cache-Control")).as(path).contains("no-cache");
            assertThat(page.header("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        }
    }

    @Test
    void theServersOwnPathsAndMissingFilesNeverAnswerThePage() {
        for (String path : List.of(
                "/api/v1/nowhere",
                "/api/nowhere",
                "/v3/api-docs/nowhere",
                "/swagger-ui/nowhere",
                "/engine-rest/nowhere",
                "/camunda/nowhere",
                "/platform/nowhere",
                "/actuator/nowhere",
                "/assets/missing-0000.js",
                "/missing.css")) {
            Api.Response answer = navigate(path);
            assertThat(answer.status()).as(path).isGreaterThanOrEqualTo(400);
            assertThat(answer.body()).as(path).isNotEqualTo(index).doesNotContain("<div id=\"root\">");
        }
        Api.Response api404 = api.as("acme", "rep@acme.test", "GET", "/api/v1/nowhere")
                .header("Accept", NAVIGATION)
                .send()
                .expect(404);
        assertThat(api404.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aClientThatDoesNotAskForHtmlGetsTheProblem() {
        Api.Response json =
                api.get("/leads").header("Accept", "application/json").send().expect(404);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/leads").send().status()).isEqualTo(404);
    }

    @Test
    void hashedAssetsAreCachedForAYearAndCompressed() throws IOException {
        Matcher script = SCRIPT.matcher(index);
        assertThat(script.find()).as("index.html names its script").isTrue();
        String path = script.group(1);
        byte[] original = new ClassPathResource("static" + path).getContentAsByteArray();

        Api.Response asset =
                api.get(path).header("Accept-Encoding", "gzip").send().expect(200);

        assertThat(asset.header("Content-Encoding")).contains("gzip");
        assertThat(asset.header("Vary").orElse("")).containsIgnoringCase("Accept-Encoding");
        assertThat(asset.contentType()).contains("javascript");
        assertThat(gunzip(asset.bytes())).isEqualTo(original);
        assertThat(asset.allHeaders("Cache-Control")).hasSize(1);
        assertThat(directives(asset.header("Cache-Control").orElseThrow()))
                .containsExactlyInAnyOrder("public", "max-age=31536000", "immutable");
        assertThat(asset.header("Pragma")).isEmpty();
        assertThat(asset.header("Expires")).isEmpty();

        Api.Response plain = api.get(path).send().expect(200);
        assertThat(plain.header("Content-Encoding")).isEmpty();
        assertThat(plain.bytes()).isEqualTo(original);
    }

    /** Below Tomcat's 2 KB threshold: an encoded answer can only be the file lying beside it (a test resource). */
    @Test
    void aPrecompressedFileBesideAnAssetIsServedToClientsThatAcceptIt() throws IOException {
        String path = "/assets/test-precompressed-0000.js";
        byte[] original = new ClassPathResource("static" + path).getContentAsByteArray();

        Api.Response asset =
                api.get(path).header("Accept-Encoding", "gzip").send().expect(200);

        assertThat(asset.header("Content-Encoding")).contains("gzip");
        assertThat(asset.bytes()).isEqualTo(new ClassPathResource("static" + path + ".gz").getContentAsByteArray());
        assertThat(gunzip(asset.bytes())).isEqualTo(original);
        assertThat(asset.contentType()).contains("javascript");
        assertThat(asset.header("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(api.get(path).send().expect(200).bytes()).isEqualTo(original);
    }

    @Test
    void thePageIsRevalidatedOnEveryUse() {
        for (String path : List.of("/", "/index.html")) {
            Api.Response page = navigate(path).expect(200);
            assertThat(page.allHeaders("Cache-Control")).as(path).containsExactly("no-cache");
            assertThat(page.body()).isEqualTo(index);
        }
    }

    @Test
    void apiAnswersAreNeverStored() {
        Api.Response me = api.as("acme", "rep@acme.test", "GET", "/api/v1/me")
                .header("Accept-Encoding", "gzip")
                .send()
                .expect(200);
        assertThat(me.header("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(api.get("/api/v1/leads").send().header("Cache-Control").orElseThrow())
                .contains("no-store");
    }

    private Api.Response navigate(String path) {
        return api.get(path).header("Accept", NAVIGATION).send();
    }

    private static List<String> directives(String cacheControl) {
        return List.of(cacheControl.split("\\s*,\\s*"));
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
