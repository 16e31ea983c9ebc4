package io.salesflow.scoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize most leads a rescoring job scores per transaction
 * @param transactionTime longest a rescoring transaction goes on locking more leads: the leads it scored stay locked
 *     against a rep's edit until it commits, so once it has run this long it commits what it has (at least one
 *     step of {@link #STEP} leads) and the job goes on in a new transaction
 * @param rescoringThreads rescoring jobs run at once on this node
 * @param maxConcurrentCompiles rule set compilations for editing (validate, preview, activate) at once; each
 *     takes seconds of CPU and adds classes to the metaspace
 * @param compileWait how long such a compilation waits for its turn before the caller is told to retry (429)
 * @param compiledCacheSize compiled rule sets kept for reuse, besides the tenants' active ones
 * @param maxEngagementsPerLead the most recent engagements of a lead that scoring looks at
 */
@ConfigurationProperties("salesflow.scoring")
public record ScoringProperties(
        @DefaultValue("500") int chunkSize,
        @DefaultValue("300ms") Duration transactionTime,
        @DefaultValue("1") int rescoringThreads,
        @DefaultValue("2") int maxConcurrentCompiles,
        @DefaultValue("30s") Duration compileWait,
        @DefaultValue("32") int compiledCacheSize,
        @DefaultValue("1000") int maxEngagementsPerLead) {

    /** Leads a rescoring transaction locks and scores together, between its looks at the time. */
    static final int STEP = 50;

    public ScoringProperties {
        if (chunkSize < 1 || rescoringThreads < 1 || maxConcurrentCompiles < 1 || maxEngagementsPerLead < 1) {
            throw new IllegalArgumentException("salesflow.scoring: chunk-size, rescoring-threads, "
                    + "max-concurrent-compiles and max-engagements-per-lead must be at least 1");
        }
        if (compiledCacheSize < 0) {
            throw new IllegalArgumentException("salesflow.scoring.compiled-cache-size must not be negative");
        }
    }
}
