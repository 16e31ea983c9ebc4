package io.salesflow.process.admin;

import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * How process administration talks to the engine: every call as the caller, so the engine's tenant check limits it
 * to the caller's workspace (a second fence behind the {@code tenantIdIn} of every query), and lists paged by
 * position, the engine's way.
 */
@Component
class AdminCalls {

    /** Deeper than this, narrow the list with filters: the engine pages by offset. */
    static final int MAX_OFFSET = 100_000;

    private final IdentityService identity;

    AdminCalls(IdentityService identity) {
        this.identity = identity;
    }

    /** The caller's workspace, as the engine names its tenant. */
    static String tenant() {
        return Caller.require().tenantSlug();
    }

    /** Runs engine calls as the caller, in their workspace only. */
    <T> T asCaller(Supplier<T> work) {
        Caller caller = Caller.require();
        identity.setAuthentication(caller.principalId().toString(), List.of(), List.of(caller.tenantSlug()));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Where a page starts: a cursor is the position of the next item. */
    static int offset(String cursor) {
        Long offset = CursorPage.decodeLong(cursor);
        if (offset == null) {
            return 0;
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw Problem.invalid("cursor", "is not a cursor this API returned");
        }
        return offset.intValue();
    }

    /** A page from {@code limit + 1} fetched rows starting at {@code offset}: the extra one says more exist. */
    static <T> CursorPage<T> page(List<T> fetched, int offset, int limit) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        return new CursorPage<>(
                List.copyOf(fetched.subList(0, limit)), CursorPage.encode(Integer.toString(offset + limit)));
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
