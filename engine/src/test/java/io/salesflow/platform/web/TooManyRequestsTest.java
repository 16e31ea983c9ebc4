package io.salesflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.platform.problem.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

/** A 429 always says when to retry, whether a controller throws it or a filter writes it. */
class TooManyRequestsTest {

    private final Problem busy = Problem.tooManyRequests("busy", "Busy", "Try later", Duration.ofMillis(2_100));

    @Test
    void a429CannotBeMadeWithoutSayingWhenToRetry() {
        assertThatThrownBy(() -> new Problem(429, "busy", "Busy", "Try later"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Problems.of(429, "busy", "Busy", "Try later"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Problem.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(Problem.retryAfterSeconds(Duration.ofSeconds(60))).isEqualTo(60);
    }

    @Test
    void aThrown429IsAnsweredWithRetryAfter() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/leads");
        ResponseEntity<Object> response =
                new ApiExceptionHandler().problem(busy, new ServletWebRequest(request, new MockHttpServletResponse()));

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("3");
    }

    @Test
    void a429WrittenByAFilterCarriesRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemResponseWriter(new ObjectMapper())
                .write(new MockHttpServletRequest("GET", "/api/v1/leads"), response, Problems.of(busy));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        assertThat(response.getContentAsString()).contains("\"retryAfterSeconds\":3");
    }
}
