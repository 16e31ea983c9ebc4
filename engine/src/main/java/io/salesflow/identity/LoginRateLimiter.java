package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Caps login and refresh attempts per client address and minute, so one client cannot try a password across
 * many accounts (the per-account lockout does not see that). Counts are per replica and in memory: a cap, not
 * an exact figure.
 */
@Component
class LoginRateLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    LoginRateLimiter(AuthProperties properties, Clock clock) {
        this.perMinute = properties.loginAttemptsPerIpPerMinute();
        this.clock = clock;
    }

    private record Window(long minute, int count) {}

    void check(String address) {
        if (address == null) {
            return;
        }
        long minute = clock.millis() / 60_000;
        Window window = windows.merge(
                address,
                new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        if (window.count() > perMinute) {
            throw new Problem(
                            429,
                            "too-many-attempts",
                            "Too many attempts",
                            "Too many sign-in attempts from your address; wait a minute and try again")
                    .with("retryAfterSeconds", 60 - (clock.millis() / 1000) % 60);
        }
        if (windows.size() > 10_000) {
            forgetOldWindows(minute);
        }
    }

    private void forgetOldWindows(long minute) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (it.next().minute() < minute) {
                it.remove();
            }
        }
    }
}
