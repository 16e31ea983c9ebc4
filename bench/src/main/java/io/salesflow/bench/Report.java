package io.salesflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: printed as a table, written as JSON. */
final class Report {

    /** A figure of one scenario against a figure of another, with the target issue 17 sets for it. */
    record Ratio(String scenario, String name, double value, String target) {}

    private final BenchSize size;
    private final Instant started = Instant.now();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Ratio> ratios = new ArrayList<>();
    private final Map<String, Map<String, Object>> notes = new LinkedHashMap<>();

    Report(BenchSize size) {
        this.size = size;
    }

    Figure figure(String scenario, String name, String unit) {
        Figure figure = new Figure(scenario, name, unit);
        figures.add(figure);
        return figure;
    }

    void ratio(String scenario, String name, double value, String target) {
        ratios.add(new Ratio(scenario, name, value, target));
    }

    void note(String scenario, String key, Object value) {
        notes.computeIfAbsent(scenario, s -> new LinkedHashMap<>()).put(key, value);
    }

    List<Figure> figures() {
        return figures;
    }

    List<Ratio> ratios() {
        return ratios;
    }

    void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%nSalesflow benchmark, size %s, %d repetitions of %d s after %d s warm-up%n",
                size.label(),
                size.repetitions,
                size.run.toSeconds(),
                size.warmUp.toSeconds());
        out.printf(Locale.ROOT, "%-4s %-72s %12s %12s %12s %10s%n", "", "figure", "median", "min", "max", "count");
        for (Figure f : figures) {
            out.printf(
                    Locale.ROOT,
                    "%-4s %-72s %12s %12s %12s %10d%n",
                    f.scenario,
                    f.name + " (" + f.unit + ")",
                    format(f.median()),
                    format(f.min()),
                    format(f.max()),
                    f.totalCount());
        }
        out.println();
        for (Ratio r : ratios) {
            out.printf(
                    Locale.ROOT,
                    "%-4s %-72s %12s   target %s%n",
                    r.scenario(),
                    r.name(),
                    format(r.value()),
                    r.target());
        }
        notes.forEach((scenario, n) -> n.forEach((k, v) -> out.printf(Locale.ROOT, "%-4s %s: %s%n", scenario, k, v)));
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("size", size.label());
        json.put("startedAt", started.toString());
        json.put("finishedAt", Instant.now().toString());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        json.put("machine", machine);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("warmUpSeconds", size.warmUp.toMillis() / 1000.0);
        settings.put("runSeconds", size.run.toMillis() / 1000.0);
        settings.put("repetitions", size.repetitions);
        json.put("settings", settings);
        Map<String, Object> scenarios = new LinkedHashMap<>();
        for (Figure f : figures) {
            @SuppressWarnings("unchecked")
            Map<String, Object> scenario = (Map<String, Object>) scenarios.computeIfAbsent(f.scenario, s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("figures", new ArrayList<>());
                m.put("notes", notes.getOrDefault(s, Map.of()));
                return m;
            });
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("name", f.name);
            figure.put("unit", f.unit);
            figure.put("median", f.median());
            figure.put("min", f.min());
            figure.put("max", f.max());
            figure.put("count", f.totalCount());
            figure.put("runs", f.runs);
            figure.put("notes", f.notes);
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) scenario.get("figures");
            list.add(figure);
        }
        json.put("scenarios", scenarios);
        json.put("ratios", ratios);
        return json;
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
