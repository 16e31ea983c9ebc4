package io.salesflow.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and pace of imports.
 *
 * @param maxSize largest file accepted (the upload's request body)
 * @param maxRows most data rows in one file
 * @param maxUncompressedSize most bytes an XLSX file may expand to (guards against zip bombs)
 * @param chunkSize rows read, checked and committed together, unless {@code transactionTime} commits them sooner
 * @param transactionTime longest a chunk's transaction runs on: once a row ends after it, the rows so far commit and
 *     the rest go on in a transaction of their own. Everything a row locks (the routing state of the team it went
 *     to, say) stays locked until the commit, so this bounds how long any other write waits for an import
 * @param workers jobs running at once per replica
 * @param lease how long a worker holds a job without progress before another replica may resume it
 */
@ConfigurationProperties("salesflow.imports")
public record ImportProperties(
        @DefaultValue("50MB") DataSize maxSize,
        @DefaultValue("1000000") int maxRows,
        @DefaultValue("1GB") DataSize maxUncompressedSize,
        @DefaultValue("100") int chunkSize,
        @DefaultValue("300ms") Duration transactionTime,
        @DefaultValue("2") int workers,
        @DefaultValue("2m") Duration lease) {}
