package io.salesflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionMemoTest {

    private final AtomicInteger asked = new AtomicInteger();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionEveryCallAsks() {
        TransactionMemo.get("key", asked::incrementAndGet);
        TransactionMemo.get("key", asked::incrementAndGet);

        assertThat(asked).hasValue(2);
    }

    @Test
    void inATransactionTheFirstAnswerIsKeptUntilForgotten() {
        TransactionSynchronizationManager.initSynchronization();

        assertThat((Integer) TransactionMemo.get("key", asked::incrementAndGet)).isEqualTo(1);
        assertThat((Integer) TransactionMemo.get("key", asked::incrementAndGet)).isEqualTo(1);
        assertThat((Integer) TransactionMemo.get("other", asked::incrementAndGet))
                .isEqualTo(2);
        TransactionMemo.forget("key");
        assertThat((Integer) TransactionMemo.get("key", asked::incrementAndGet)).isEqualTo(3);
    }

    @Test
    void noAnswerIsNotKept() {
        TransactionSynchronizationManager.initSynchronization();

        TransactionMemo.get("key", () -> {
            asked.incrementAndGet();
            return null;
        });
        TransactionMemo.get("key", () -> {
            asked.incrementAndGet();
            return null;
        });

        assertThat(asked).hasValue(2);
    }

    @Test
    void theNextTransactionAsksAgain() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionMemo.get("key", asked::incrementAndGet);
        endTransaction();
        TransactionSynchronizationManager.initSynchronization();

        assertThat((Integer) TransactionMemo.get("key", asked::incrementAndGet)).isEqualTo(2);
    }
}
