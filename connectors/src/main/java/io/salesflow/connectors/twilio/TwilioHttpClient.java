package io.salesflow.connectors.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's HTTP client, sending to the configured API base URL instead of {@code https://api.twilio.com}
 * (the SDK builds every URL on Twilio's domains), with our timeouts, and making one attempt per send: retries are
 * the outbox's, on its schedule, not the SDK's sleeping loop.
 */
class TwilioHttpClient extends NetworkHttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final String base;

    TwilioHttpClient(TwilioProperties properties) {
        super(HttpClientBuilder.create()
                .useSystemProperties()
                // Apache's default retries 429 and 503 by itself: the outbox decides when to try again.
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setSoTimeout(Timeout.of(properties.responseTimeout()))
                                .setSoKeepAlive(true)
                                .build())
                        .setMaxConnPerRoute(10)
                        .setMaxConnTotal(20)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                        .build()));
        String b = properties.apiBaseUrl().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString();
        if (TWILIO_API.equals(base) || !url.startsWith(TWILIO_API)) {
            return super.makeRequest(request);
        }
        return super.makeRequest(rebased(request, base + url.substring(TWILIO_API.length())));
    }

    private static Request rebased(Request request, String url) {
        int query = url.indexOf('?');
        Request copy = new Request(request.getMethod(), query < 0 ? url : url.substring(0, query));
        if (request.getAuthStrategy() != null) {
            copy.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        copy(request.getQueryParams(), copy::addQueryParam);
        copy(request.getPostParams(), copy::addPostParam);
        copy(request.getHeaderParams(), copy::addHeaderParam);
        copy.setUserAgentExtensions(request.getUserAgentExtensions());
        if (request.getContentType() != null) {
            copy.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            copy.setBody(request.getBody());
        }
        return copy;
    }

    private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(v -> add.accept(name, v)));
    }
}
