package io.salesflow.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.task.TaskSchedulingProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when background threads could take so many pooled connections that requests are left
 * too few: at most the pool minus a quarter of it (at least 2) may go to background work. Without this check
 * a few hundred listener threads once took the whole pool and failed waiting for it.
 */
@Component
class ConnectionBudget implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<PooledThreads> threads;
    private final ObjectProvider<TaskSchedulingProperties> scheduling;

    ConnectionBudget(
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<PooledThreads> threads,
            ObjectProvider<TaskSchedulingProperties> scheduling) {
        this.dataSource = dataSource;
        this.threads = threads;
        this.scheduling = scheduling;
    }

    @Override
    public void afterSingletonsInstantiated() {
        HikariDataSource pool = hikari();
        if (pool == null) {
            return;
        }
        List<PooledThreads> users = new ArrayList<>(threads.orderedStream().toList());
        scheduling.ifAvailable(s -> users.add(PooledThreads.of(
                "scheduled jobs (spring.task.scheduling.pool.size)", s.getPool().getSize())));
        int background = users.stream().mapToInt(PooledThreads::threads).sum();
        int size = pool.getMaximumPoolSize();
        int forRequests = forRequests(size);
        String terms = users.stream()
                .map(t -> t.threads() + " " + t.threadsDescription())
                .collect(Collectors.joining(", "));
        if (background > size - forRequests) {
            throw new IllegalStateException("Background work may hold " + background + " of the " + size
                    + " pooled connections (" + terms + "), leaving fewer than " + forRequests + " for requests."
                    + " Raise spring.datasource.hikari.maximum-pool-size or lower those settings"
                    + " (docs/operations.md, \"Background work\").");
        }
        log.info(
                "Connection pool of {}: up to {} for background work ({}), the rest for requests",
                size,
                background,
                terms);
    }

    static int forRequests(int poolSize) {
        return Math.max(2, poolSize / 4);
    }

    private HikariDataSource hikari() {
        DataSource ds = dataSource.getIfUnique();
        if (ds == null) {
            return null;
        }
        try {
            return ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
