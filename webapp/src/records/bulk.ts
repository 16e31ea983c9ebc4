export interface BulkOutcome<T> {
  done: T[];
  failed: { item: T; error: unknown }[];
}

/** Runs `work` for every item, at most `limit` at a time, and reports each outcome (never throws). */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<unknown>,
  onProgress?: (finished: number) => void,
): Promise<BulkOutcome<T>> {
  const outcome: BulkOutcome<T> = { done: [], failed: [] };
  let next = 0;
  let finished = 0;
  async function worker() {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
        outcome.done.push(item);
      } catch (error) {
        outcome.failed.push({ item, error });
      }
      onProgress?.(++finished);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcome;
}
