package io.salesflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessDurationTest {

    @ParameterizedTest
    @CsvSource({
        "P2D, 2, PT0S, P2D",
        "PT4H, 0, PT4H, PT4H",
        "p1dt4h30m, 1, PT4H30M, P1DT4H30M",
        "PT90M, 0, PT1H30M, PT1H30M",
        "PT0S, 0, PT0S, PT0S",
        "' P0DT45S ', 0, PT45S, PT45S",
        "P2500D, 2500, PT0S, P2500D",
        "PT20000H, 0, PT20000H, PT20000H"
    })
    void readsWorkingDaysAndWorkingTime(String text, int days, Duration time, String written) {
        BusinessDuration duration = BusinessDuration.parse(text);

        assertThat(duration.workingDays()).isEqualTo(days);
        assertThat(duration.workingTime()).isEqualTo(time);
        assertThat(duration).hasToString(written);
        assertThat(BusinessDuration.parse(written)).isEqualTo(duration);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "P",
                "PT",
                "P1DT",
                "2D",
                "P1W",
                "P1M",
                "P1Y",
                "-PT1H",
                "PT-1H",
                "PT1.5H",
                "PT1H2",
                "P2501D",
                "PT20001H",
                "PT1200001M",
                "P9999999999D",
                "P1D PT1H",
                "PT4H P1D"
            })
    void refusesWhatIsNoBusinessDuration(String text) {
        assertThatThrownBy(() -> BusinessDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void refusesNothingAtAll() {
        assertThatThrownBy(() -> BusinessDuration.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
