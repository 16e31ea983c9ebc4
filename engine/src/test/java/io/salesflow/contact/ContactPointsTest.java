package io.salesflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactPointsTest {

    private final ContactPoints none = new ContactPoints(null, List.of());

    @Test
    void theFirstAddressBecomesPrimaryAndDuplicatesGo() {
        ContactPoints points = none.replaceAll(List.of("b", "a", "b"));
        assertThat(points).isEqualTo(new ContactPoints("b", List.of("b", "a")));
    }

    @Test
    void aNewPrimaryIsAddedInFrontAndAKnownOneStaysWhereItIs() {
        ContactPoints points = none.replaceAll(List.of("a", "b"));
        assertThat(points.withPrimary("c")).isEqualTo(new ContactPoints("c", List.of("c", "a", "b")));
        assertThat(points.withPrimary("b")).isEqualTo(new ContactPoints("b", List.of("a", "b")));
    }

    @Test
    void replacingKeepsThePrimaryOnlyWhenItIsStillThere() {
        ContactPoints points = new ContactPoints("b", List.of("a", "b"));
        assertThat(points.replaceAll(List.of("c", "b")).primary()).isEqualTo("b");
        assertThat(points.replaceAll(List.of("c", "d")).primary()).isEqualTo("c");
        assertThat(points.replaceAll(List.of())).isEqualTo(none);
    }

    @Test
    void droppingThePrimaryPromotesTheNext() {
        ContactPoints points = new ContactPoints("a", List.of("a", "b"));
        assertThat(points.withPrimary(null)).isEqualTo(new ContactPoints("b", List.of("b")));
        assertThat(points.withPrimary(null).withPrimary(null)).isEqualTo(none);
    }
}
