package io.salesflow.imports;

import java.util.List;

/** What one chunk of rows came to: rows read, records created, merged into and left alone, and the errors. */
record ChunkResult(int rows, int imported, int merged, int skipped, List<RowError> errors) {}
