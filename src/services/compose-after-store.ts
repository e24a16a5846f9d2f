import type { ArticleWrite, UpsertOutcome } from '../store/store.js';

/** An `IngestDeps.afterStore` hook. */
export type AfterStoreHook = (writes: ArticleWrite[], outcomes: UpsertOutcome[]) => Promise<void>;

/**
 * Several post-store hooks as one (stories, image caching…), run in order on each batch. Each runs
 * even when an earlier one failed; the first failure is rethrown afterwards, so ingest reports it
 * for the batch without one feature's failure starving another.
 */
export function composeAfterStore(...hooks: Array<AfterStoreHook | undefined>): AfterStoreHook {
  const present = hooks.filter((h): h is AfterStoreHook => h !== undefined);
  return async (writes, outcomes) => {
    let failure: Error | undefined;
    for (const hook of present) {
      try {
        await hook(writes, outcomes);
      } catch (err) {
        failure ??= err instanceof Error ? err : new Error(JSON.stringify(err));
      }
    }
    if (failure !== undefined) throw failure;
  };
}
