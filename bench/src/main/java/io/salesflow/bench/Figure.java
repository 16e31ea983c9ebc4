package io.salesflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure of a scenario: the value of each measured run (a rate, a latency, a time) with the number of operations
 * it counted, so a reader (and the smoke test) can tell a figure from nothing.
 */
final class Figure {

    /** One measured run: its value and how many operations (requests, starts, scorings, builds) it counted. */
    record Run(double value, long count, double seconds) {}

    final String scenario;
    final String name;
    final String unit;
    final List<Run> runs = new ArrayList<>();
    final Map<String, Object> notes = new LinkedHashMap<>();

    Figure(String scenario, String name, String unit) {
        this.scenario = scenario;
        this.name = name;
        this.unit = unit;
    }

    Figure add(Run run) {
        runs.add(run);
        return this;
    }

    Figure note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    double median() {
        List<Double> values = sorted();
        int n = values.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    double min() {
        List<Double> values = sorted();
        return values.isEmpty() ? Double.NaN : values.get(0);
    }

    double max() {
        List<Double> values = sorted();
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    long totalCount() {
        return runs.stream().mapToLong(Run::count).sum();
    }

    private List<Double> sorted() {
        List<Double> values = new ArrayList<>();
        runs.forEach(r -> values.add(r.value()));
        Collections.sort(values);
        return values;
    }
}
