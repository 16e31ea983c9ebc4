package io.salesflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hands leads out (and so has them routed) and who keeps what they capture. */
class RoutingIntakeTest {

    @Test
    void aUserWhoseLeadWritingReachesTheTeamOrTenantHandsLeadsOut() {
        assertThat(RoutingIntake.handsLeadsOut(Optional.of(user(Scope.ALL)))).isTrue();
        assertThat(RoutingIntake.handsLeadsOut(Optional.of(user(Scope.TEAM)))).isTrue();
    }

    @Test
    void aRepWhoWritesOnlyTheirOwnLeadsKeepsThem() {
        assertThat(RoutingIntake.handsLeadsOut(Optional.of(user(Scope.OWN)))).isFalse();
        assertThat(RoutingIntake.handsLeadsOut(Optional.of(user(null)))).isFalse();
    }

    @Test
    void anApiKeyHandsLeadsOutAndWorkWithoutACallerRoutesNothing() {
        Caller key = new Caller(
                Caller.Kind.API_KEY,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "acme",
                "Web form",
                Set.of(),
                Map.of("leads:write", Scope.OWN),
                Set.of(),
                null);
        assertThat(RoutingIntake.handsLeadsOut(Optional.of(key))).isTrue();
        assertThat(RoutingIntake.handsLeadsOut(Optional.empty())).isFalse();
    }

    private static Caller user(Scope leadsWrite) {
        UUID id = UUID.randomUUID();
        return new Caller(
                Caller.Kind.USER,
                id,
                id,
                UUID.randomUUID(),
                "acme",
                "Someone",
                Set.of(),
                leadsWrite == null ? Map.of() : Map.of("leads:write", leadsWrite),
                Set.of(),
                UUID.randomUUID());
    }
}
