package io.salesflow.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says about the server that wrote it: its process id (line 1),
 * its data directory (line 2) and port (line 4).
 */
record PostmasterPid(long pid, Path dataDirectory, int port) {

    static final String FILE = "postmaster.pid";

    static Optional<PostmasterPid> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            return Optional.of(new PostmasterPid(
                    Long.parseLong(lines.get(0).trim()),
                    Path.of(lines.get(1).trim()),
                    Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the server that wrote the file ran on {@code directory} (and not on a copy it was taken from). */
    boolean names(Path directory) {
        try {
            return Files.isSameFile(dataDirectory, directory);
        } catch (IOException e) {
            return false;
        }
    }
}
