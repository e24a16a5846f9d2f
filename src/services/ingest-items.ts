import type { IncomingItem } from '../core/article.js';
import { Batcher } from './batcher.js';
import type { IngestDeps, IngestSummary } from './ingest.js';

/** What ingestItems needs: the ingest dependencies, minus the file-reading ones. */
export type IngestItemsDeps = Pick<IngestDeps, 'store' | 'ring' | 'now' | 'enrich' | 'afterStore' | 'batchSize' | 'maxBatchAgeMs' | 'maxBatchTextChars'
>;

/**
 * Stores already-parsed items (feed items, fetched pages) through the same path as
 * `ingestPaths`: prepareArticle (ids, canonical URLs, enrichment, encryption), then
 * `store.upsertArticles` one transaction per batch, then the `afterStore` hook. Counts
 * new/updated/duplicate like `heatwire ingest`; a bad item or a failed batch is a failure in the
 * summary and never stops the others. `files` is left at 0 (the caller counts its inputs).
 */
export async function ingestItems(items: Iterable<IncomingItem>, deps: IngestItemsDeps): Promise<IngestSummary> {
  const summary: IngestSummary = { files: 0, new: 0, updated: 0, duplicate: 0, related: 0, failed: [] };
  const batcher = new Batcher(deps, summary);
  for (const item of items) await batcher.add(item);
  await batcher.flush();
  return summary;
}
