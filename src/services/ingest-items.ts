import type { IncomingItem } from '../core/article.js';
import { toHeatwireError } from '../core/errors.js';
import { htmlToText } from '../extract/index.js';
import { prepareArticle } from '../pipeline/prepare-article.js';
import type { ArticleWrite, UpsertOutcome } from '../store/store.js';
import type { IngestDeps, IngestFailure, IngestSummary } from './ingest.js';

/** What ingestItems needs: the ingest dependencies, minus the file-reading ones. */
export type IngestItemsDeps = Pick<IngestDeps, 'store' | 'ring' | 'now' | 'enrich' | 'afterStore' | 'batchSize'>;

/**
 * Stores already-parsed items (feed items, fetched pages) through the same path as
 * `ingestPaths`: prepareArticle (ids, canonical URLs, enrichment, encryption), then
 * `store.upsertArticles` one transaction per batch, then the `afterStore` hook. Counts
 * new/updated/duplicate like `heatwire ingest`; a bad item or a failed batch is a failure in the
 * summary and never stops the others. `files` is left at 0 (the caller counts its inputs).
 */
export async function ingestItems(items: Iterable<IncomingItem>, deps: IngestItemsDeps): Promise<IngestSummary> {
  const summary: IngestSummary = { files: 0, new: 0, updated: 0, duplicate: 0, related: 0, failed: [] };
  let writes: ArticleWrite[] = [];
  let tops: boolean[] = [];
  let pending: IncomingItem[] = [];
  const flush = async () => {
    if (!writes.length) return;
    const [batch, isTop, batchItems] = [writes, tops, pending];
    writes = [];
    tops = [];
    pending = [];
    let outcomes: UpsertOutcome[];
    try {
      outcomes = await deps.store.upsertArticles(batch, deps.now().toISOString());
    } catch (err) {
      for (const item of batchItems) summary.failed.push({ ...failureOf(err, item.origin), code: 'STORE_FAILED' });
      return;
    }
    if (deps.afterStore) {
      try {
        await deps.afterStore(batch, outcomes);
      } catch (err) {
        summary.failed.push(failureOf(err, batchItems[0]?.origin ?? '(batch)'));
      }
    }
    outcomes.forEach((outcome, i) => {
      if (!isTop[i]) {
        if (outcome === 'new') summary.related += 1;
      } else summary[outcome] += 1;
    });
  };
  for (let item of items) {
    try {
      // Same rule as ingestPaths: an item with only HTML keeps its plain text, not the markup.
      if (!item.text && item.html) item = { ...item, text: htmlToText(item.html) || undefined };
      const prepared = prepareArticle(item, { ring: deps.ring, enrich: deps.enrich });
      prepared.forEach((w, i) => {
        writes.push(w);
        tops.push(i === 0);
      });
      pending.push(item);
    } catch (err) {
      summary.failed.push(failureOf(err, item.origin));
      continue;
    }
    if (writes.length >= (deps.batchSize ?? 500)) await flush();
  }
  await flush();
  return summary;
}

function failureOf(err: unknown, origin: string): IngestFailure {
  const e = toHeatwireError(err, origin);
  return { input: e.input ?? origin, ...(e.line ? { line: e.line } : {}), code: e.code, reason: e.message };
}
