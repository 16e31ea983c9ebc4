package io.salesflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Background threads may hold at most the pool minus a quarter of it; a replica configured for more does not start. */
class ConnectionBudgetTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(ConnectionBudget.class)
            .withBean("listeners", PooledThreads.class, () -> PooledThreads.of("listeners (setting.a)", 8))
            .withBean("imports", PooledThreads.class, () -> PooledThreads.of("imports (setting.b)", 7));

    @Test
    void backgroundThreadsThatLeaveAQuarterOfThePoolForRequestsStart() {
        context.withBean(HikariDataSource.class, () -> pool(20))
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void backgroundThreadsThatCouldTakeMoreRefuseToStartNamingEachSetting() {
        context.withBean(HikariDataSource.class, () -> pool(16)).run(refused -> assertThat(refused)
                .getFailure()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("may hold 15 of the 16 pooled connections")
                .hasMessageContaining("8 listeners (setting.a)")
                .hasMessageContaining("7 imports (setting.b)")
                .hasMessageContaining("fewer than 4 for requests"));
    }

    /** A pool that is configured but never connects. */
    private static HikariDataSource pool(int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setMaximumPoolSize(size);
        return pool;
    }
}
