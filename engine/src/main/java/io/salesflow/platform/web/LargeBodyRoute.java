package io.salesflow.platform.web;

import io.salesflow.platform.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A route that takes request bodies larger than {@code salesflow.api.max-body-size}, such as a file upload. The
 * module that serves the route declares it as a bean; every other API route keeps the general limit.
 */
public interface LargeBodyRoute {

    boolean matches(HttpServletRequest request);

    /** The largest body accepted, in bytes. */
    long maxBodySize();

    /** What a caller whose body is over the limit is told (a 413). */
    Problem tooLarge();
}
