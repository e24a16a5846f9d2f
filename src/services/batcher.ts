import { performance } from 'node:perf_hooks';
import type { IncomingItem } from '../core/article.js';
import { toHeatwireError, type HeatwireError } from '../core/errors.js';
import { htmlToText } from '../extract/index.js';
import type { Enrichment } from '../enrich/enrich-article.js';
import { enrichInputOf, prepareArticle } from '../pipeline/prepare-article.js';
import type { ArticleWrite, UpsertOutcome } from '../store/store.js';
import type { IngestDeps, IngestFailure, IngestSummary } from './ingest.js';

/**
 * Items per transaction. Larger batches give the full-text index fewer, larger segments to
 * merge: 500 → 2,000 cut its cost by about a fifth in bench:ingest (docs/benchmarks/ingest.md).
 */
export const DEFAULT_BATCH_SIZE = 2000;
/**
 * A batch is stored once it is this old even when not full, so slow items (enriched, fetched)
 * become visible within about a second and a crash loses little work.
 */
export const MAX_BATCH_AGE_MS = 1000;
/**
 * A batch is stored once its texts hold this many characters, however few items it has: every
 * text of a batch stays in memory until the batch is written (the store writes the full-text index
 * last), so 2,000 long texts must not wait for one another.
 */
export const MAX_BATCH_TEXT_CHARS = 32 * 2 ** 20;
/**
 * Inside the transaction, items are prepared this many at a time and then written: alternating
 * per item made hashing/encryption and SQLite evict each other's caches (bench:ingest: ~15% more
 * CPU per record than chunks of 256), while a chunk is still small enough to die young.
 */
const PREPARE_CHUNK = 256;

/** An item waiting for its batch, with its enrichment when ingest enriches. */
interface PendingItem {
  item: IncomingItem;
  enrichment?: Enrichment;
}

/**
 * Collects items and stores them a batch (one transaction) at a time, then runs the `afterStore`
 * hook; counts outcomes into the summary. Shared by file ingest (`ingestPaths`) and item ingest
 * (`ingestItems`: feed items, fetched pages) so both follow one path.
 *
 * The slow, optional part of preparing (enrichment) runs as items arrive, outside any
 * transaction. The rest of `prepareArticle` (ids, hashes, encryption) runs inside the batch's
 * transaction as the store consumes the writes, a chunk at a time, so a prepared write (with its
 * ciphertext) lives only as long as it takes to store its chunk. Holding 2,000 prepared writes until
 * the flush made the garbage collector copy them all, which cost more than the larger
 * transaction saved (bench:ingest).
 */
export class Batcher {
  private pending: PendingItem[] = [];
  private pendingTextChars = 0;
  private batchStartedAt = 0;
  items = 0;

  constructor(
    private readonly deps: Pick<
      IngestDeps,
      'store' | 'ring' | 'now' | 'enrich' | 'afterStore' | 'batchSize' | 'maxBatchAgeMs' | 'maxBatchTextChars'
    >,
    readonly summary: IngestSummary,
  ) {}

  async add(item: IncomingItem): Promise<void> {
    let enrichment: Enrichment | undefined;
    try {
      // An item that carries only HTML (JSONL `html`) keeps its plain text, not the markup.
      if (!item.text && item.html) item = { ...item, text: htmlToText(item.html) || undefined };
      if (this.deps.enrich) enrichment = this.deps.enrich(enrichInputOf(item.record, item.text ?? null));
    } catch (err) {
      this.fail(item, err);
      return;
    }
    if (!this.pending.length) this.batchStartedAt = performance.now();
    this.pending.push(enrichment ? { item, enrichment } : { item });
    this.pendingTextChars += (item.text?.length ?? 0) + (item.html?.length ?? 0);
    if (
      this.pending.length >= (this.deps.batchSize ?? DEFAULT_BATCH_SIZE) ||
      this.pendingTextChars >= (this.deps.maxBatchTextChars ?? MAX_BATCH_TEXT_CHARS) ||
      performance.now() - this.batchStartedAt >= (this.deps.maxBatchAgeMs ?? MAX_BATCH_AGE_MS)
    ) {
      await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const pending = this.pending;
    this.pending = [];
    this.pendingTextChars = 0;
    const tops: boolean[] = [];
    const unprepared = new Set<PendingItem>(); // failed alone, already reported
    const kept: ArticleWrite[] = []; // the writes, only when the afterStore hook wants them
    const keep = this.deps.afterStore !== undefined;
    const ring = this.deps.ring;
    const produce = function* (this: Batcher): Generator<ArticleWrite> {
      for (let from = 0; from < pending.length; from += PREPARE_CHUNK) {
        const chunk: ArticleWrite[] = [];
        for (const entry of pending.slice(from, from + PREPARE_CHUNK)) {
          const { item, enrichment } = entry;
          let writes: ArticleWrite[];
          try {
            writes = prepareArticle(item, { ring, ...(enrichment ? { enrich: () => enrichment } : {}) });
          } catch (err) {
            this.fail(item, err); // this item only: the others of the batch are still stored
            unprepared.add(entry);
            continue;
          }
          for (let i = 0; i < writes.length; i++) {
            tops.push(i === 0);
            if (keep) kept.push(writes[i]!);
            chunk.push(writes[i]!);
          }
        }
        yield* chunk;
      }
    }.call(this);
    let outcomes: UpsertOutcome[];
    try {
      outcomes = await this.deps.store.upsertArticles(produce, this.deps.now().toISOString());
    } catch (err) {
      // The batch rolled back: every item of it is reported (also those the store never reached),
      // except the ones that already failed alone; keep going with the next batch.
      for (const entry of pending) if (!unprepared.has(entry)) this.fail(entry.item, err, 'STORE_FAILED');
      return;
    }
    if (this.deps.afterStore) {
      try {
        await this.deps.afterStore(kept, outcomes);
      } catch (err) {
        const first = pending[0]?.item;
        const e = toHeatwireError(err, first?.origin ?? '(batch)');
        this.summary.failed.push({ ...failureOf(e), line: first?.line });
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

  private fail(item: IncomingItem, err: unknown, code?: IngestFailure['code']): void {
    this.summary.failed.push({
      ...failureOf(toHeatwireError(err, item.origin)),
      line: item.line,
      ...(code ? { code } : {}),
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
