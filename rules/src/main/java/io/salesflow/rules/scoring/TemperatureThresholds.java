package io.salesflow.rules.scoring;

import java.util.Optional;

/** A score of at least {@code hot} is hot, of at least {@code warm} warm, anything lower cold. */
public record TemperatureThresholds(int hot, int warm) {

    public static final TemperatureThresholds DEFAULT = new TemperatureThresholds(70, 40);

    public Temperature of(int score) {
        return score >= hot ? Temperature.HOT : score >= warm ? Temperature.WARM : Temperature.COLD;
    }

    Optional<String> problem() {
        return 0 <= warm && warm <= hot && hot <= 100
                ? Optional.empty()
                : Optional.of("thresholds must satisfy 0 <= warm <= hot <= 100, got warm " + warm + ", hot " + hot);
    }
}
