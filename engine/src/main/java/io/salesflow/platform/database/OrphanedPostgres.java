package io.salesflow.platform.database;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops the PostgreSQL a killed Salesflow left running on its data directory. A JVM that dies by
 * {@code kill -9} takes its shutdown hooks with it, so its PostgreSQL keeps the directory and the port and the
 * next start would be refused. Such a server is recognised by the directory's {@code postmaster.pid} (a live
 * {@code postgres} process that names this directory) while no live Salesflow holds the directory's lock file,
 * which the embedded server keeps locked as long as its JVM lives.
 */
final class OrphanedPostgres {

    /** The lock file io.zonky's EmbeddedPostgres holds in the data directory while its JVM runs it. */
    static final String LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private OrphanedPostgres() {}

    /** Stops the orphaned server of {@code dataDirectory}, if any; refuses a directory a live Salesflow uses. */
    static void stopIfAny(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            return;
        }
        requireNoLiveOwner(directory);
        Optional<PostmasterPid> pid = PostmasterPid.read(directory);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get().pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return;
        }
        if (!isPostgres(process.get()) || !pid.get().names(directory)) {
            // The pid was reused by another program; PostgreSQL would refuse the stale file as if it still ran.
            log.warn(
                    "Removing the stale {} of {}: process {} is not its PostgreSQL",
                    PostmasterPid.FILE,
                    directory,
                    pid.get().pid());
            delete(directory.resolve(PostmasterPid.FILE));
            return;
        }
        log.warn(
                "A previous Salesflow left its PostgreSQL (pid {}, port {}) running on {}; stopping it",
                pid.get().pid(),
                pid.get().port(),
                directory);
        stop(process.get(), directory);
    }

    private static void requireNoLiveOwner(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(directory);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check " + lockFile, e);
        }
    }

    private static IllegalStateException inUse(Path directory) {
        return new IllegalStateException("The embedded PostgreSQL data directory " + directory
                + " is in use by another running Salesflow. Stop that one first, or give this one its own"
                + " directory with salesflow.embedded-db.data-directory (SALESFLOW_EMBEDDEDDB_DATADIRECTORY).");
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString).stream()
                .anyMatch(name -> name.equals("postgres") || name.equals("postgres.exe"));
    }

    /**
     * A fast shutdown with the orphan's own {@code pg_ctl} (open sessions are ended; the dead JVM's are gone
     * anyway), run the way io.zonky runs it (in a user namespace when this process is root, which PostgreSQL's
     * tools refuse); a plain terminate signal when that does not work.
     */
    private static void stop(ProcessHandle postmaster, Path directory) {
        Optional<Path> pgCtl = postmaster.info().command().map(c -> Path.of(c).resolveSibling("pg_ctl"));
        try {
            if (pgCtl.isEmpty() || !Files.isExecutable(pgCtl.get()) || pgCtlStop(pgCtl.get(), directory) != 0) {
                postmaster.destroy();
            }
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not stop the PostgreSQL (pid " + postmaster.pid() + ") left running on " + directory
                            + "; stop it by hand (kill -INT " + postmaster.pid() + ") and start again",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left running on " + directory);
        }
    }

    private static int pgCtlStop(Path pgCtl, Path directory) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "stop",
                "-D",
                directory.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                String.valueOf(STOP_WAIT.toSeconds())));
        Process stop = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return stop.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS) ? stop.exitValue() : -1;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
