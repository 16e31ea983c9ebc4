package io.salesflow.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded cluster's {@code postgres} superuser: generated once and kept next to the data
 * directory in a file only its owner may read, or, for a cluster that lives only as long as the process, in
 * memory (with a short-lived file for {@code initdb}).
 */
final class SuperuserPassword {

    static final String FILE_NAME = "postgres-superuser.password";

    private static final Logger log = LoggerFactory.getLogger(SuperuserPassword.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final String value;
    private final Path file;
    private final boolean temporary;

    private SuperuserPassword(String value, Path file, boolean temporary) {
        this.value = value;
        this.file = file;
        this.temporary = temporary;
    }

    /** The password kept for the cluster in {@code dataDirectory}, created when there is none yet. */
    static SuperuserPassword keptFor(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().getParent();
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            restrict(directory, OWNER_DIRECTORY);
            if (Files.exists(file)) {
                restrict(file, OWNER_FILE);
                return new SuperuserPassword(Files.readString(file).strip(), file, false);
            }
            String value = generate();
            write(file, value);
            log.info("Generated the embedded PostgreSQL superuser's password in {}", file);
            return new SuperuserPassword(value, file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the embedded PostgreSQL superuser's password in " + file, e);
        }
    }

    /** A password for a cluster that is wiped at start: only this process needs to know it. */
    static SuperuserPassword ephemeral() {
        String value = generate();
        try {
            Path directory = POSIX
                    ? Files.createTempDirectory("salesflow-pg", PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY))
                    : Files.createTempDirectory("salesflow-pg");
            Path file = directory.resolve(FILE_NAME);
            write(file, value);
            return new SuperuserPassword(value, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the embedded PostgreSQL superuser's password", e);
        }
    }

    String value() {
        return value;
    }

    /** The file {@code initdb --pwfile} reads. */
    Path file() {
        return file;
    }

    /** Removes the short-lived file of an ephemeral cluster once {@code initdb} has read it. */
    void forgetFile() {
        if (!temporary) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            log.warn("Could not remove {}", file, e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, String value) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
