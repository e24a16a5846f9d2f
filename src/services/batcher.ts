import { performance } from 'node:perf_hooks';
import type { IncomingItem } from '../core/article.js';
import { toHeatwireError, type HeatwireError } from '../core/errors.js';
import { htmlToText } from '../extract/index.js';
import { prepareArticle } from '../pipeline/prepare-article.js';
import type { ArticleWrite, UpsertOutcome } from '../store/store.js';
import type { IngestDeps, IngestFailure, IngestSummary } from './ingest.js';

/**
 * Writes per transaction. Larger batches give the full-text index fewer, larger segments to
 * merge: 500 → 2,000 cut its cost by about a fifth in bench:ingest (docs/benchmarks/ingest.md).
 */
export const DEFAULT_BATCH_SIZE = 2000;
/**
 * A batch is stored once it is this old even when not full, so slow items (enriched, fetched)
 * become visible within about a second and a crash loses little work.
 */
export const MAX_BATCH_AGE_MS = 1000;

/**
 * Collects prepared writes and stores them a batch (one transaction) at a time, then runs the
 * `afterStore` hook; counts outcomes into the summary. Shared by file ingest (`ingestPaths`) and
 * item ingest (`ingestItems`: feed items, fetched pages) so both follow one path.
 */
export class Batcher {
  private writes: ArticleWrite[] = [];
  private tops: boolean[] = [];
  private pendingItems: IncomingItem[] = [];
  private batchStartedAt = 0;
  items = 0;

  constructor(
    private readonly deps: Pick<IngestDeps, 'store' | 'ring' | 'now' | 'enrich' | 'afterStore' | 'batchSize' | 'maxBatchAgeMs'>,
    readonly summary: IngestSummary,
  ) {}

  async add(item: IncomingItem): Promise<void> {
    let writes: ArticleWrite[];
    try {
      // An item that carries only HTML (JSONL `html`) keeps its plain text, not the markup.
      if (!item.text && item.html) item = { ...item, text: htmlToText(item.html) || undefined };
      writes = prepareArticle(item, { ring: this.deps.ring, enrich: this.deps.enrich });
    } catch (err) {
      this.summary.failed.push({ ...failureOf(toHeatwireError(err, item.origin)), line: item.line });
      return;
    }
    if (!this.writes.length) this.batchStartedAt = performance.now();
    writes.forEach((w, i) => {
      this.writes.push(w);
      this.tops.push(i === 0);
    });
    this.pendingItems.push(item);
    if (
      this.writes.length >= (this.deps.batchSize ?? DEFAULT_BATCH_SIZE) ||
      performance.now() - this.batchStartedAt >= (this.deps.maxBatchAgeMs ?? MAX_BATCH_AGE_MS)
    ) {
      await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (!this.writes.length) return;
    const writes = this.writes;
    const tops = this.tops;
    const items = this.pendingItems;
    this.writes = [];
    this.tops = [];
    this.pendingItems = [];
    let outcomes: UpsertOutcome[];
    try {
      outcomes = await this.deps.store.upsertArticles(writes, this.deps.now().toISOString());
    } catch (err) {
      // The batch rolled back: report every item of it, keep going with the next batch.
      for (const item of items) {
        this.summary.failed.push({ ...failureOf(toHeatwireError(err, item.origin)), line: item.line, code: 'STORE_FAILED' });
      }
      return;
    }
    if (this.deps.afterStore) {
      try {
        await this.deps.afterStore(writes, outcomes);
      } catch (err) {
        const e = toHeatwireError(err, items[0]?.origin ?? '(batch)');
        this.summary.failed.push({ ...failureOf(e), line: items[0]?.line });
      }
    }
    outcomes.forEach((outcome, i) => {
      if (!tops[i]) {
        if (outcome === 'new') this.summary.related += 1;
        return;
      }
      this.items += 1;
      if (outcome === 'new') this.summary.new += 1;
      else if (outcome === 'updated') this.summary.updated += 1;
      else this.summary.duplicate += 1;
    });
  }
}

/** A HeatwireError as a summary failure: the input (and line) and why. */
export function failureOf(err: HeatwireError): IngestFailure {
  return {
    input: err.input ?? '(unknown)',
    ...(err.line ? { line: err.line } : {}),
    code: err.code,
    reason: err.message,
  };
}
