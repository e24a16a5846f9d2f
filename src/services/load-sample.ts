import { readFile } from 'node:fs/promises';
import type { IncomingItem } from '../core/article.js';
import { parseJsonlRecords } from '../ingest/records/index.js';
import { ingestItems, type IngestItemsDeps } from './ingest-items.js';
import type { IngestSummary } from './ingest.js';

/** How old the newest sample article is made to look when it is loaded. */
const NEWEST_AGE_MS = 2 * 3_600_000;

/**
 * Loads the bundled sample corpus into an empty store, its dates moved forward together so that
 * the newest article is two hours old: the corpus is fictional and fixed, and a first look at a
 * news desk should show stories that are hot *now*, not a year-old archive. The spacing between
 * articles (hence the planted stories' timing) is unchanged; the file keeps its own dates.
 */
export async function loadSampleCorpus(
  path: string,
  deps: IngestItemsDeps,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<IngestSummary> {
  const { items, errors } = parseJsonlRecords(await readFile(path, 'utf8'), path);
  if (errors[0]) throw errors[0];
  const shifted = shiftDates(items, now);
  function* counted(): Generator<IncomingItem> {
    for (let i = 0; i < shifted.length; i++) {
      if (i % 10 === 0) onProgress?.(i, shifted.length);
      yield shifted[i]!;
    }
    onProgress?.(shifted.length, shifted.length);
  }
  return ingestItems(counted(), deps);
}

/** Moves every item's publishedDateTime/updatedDateTime by the same amount (pure). */
export function shiftDates(items: IncomingItem[], now: Date): IncomingItem[] {
  const times = items.map((i) => Date.parse(i.record.publishedDateTime ?? '')).filter(Number.isFinite);
  if (!times.length) return items;
  const delta = now.getTime() - NEWEST_AGE_MS - Math.max(...times);
  const move = (value: unknown): unknown =>
    typeof value === 'string' && Number.isFinite(Date.parse(value))
      ? new Date(Date.parse(value) + delta).toISOString().replace('.000Z', 'Z')
      : value;
  return items.map((item) => {
    const record = { ...item.record };
    if (record.publishedDateTime !== undefined) record.publishedDateTime = move(record.publishedDateTime) as string;
    if (record.updatedDateTime !== undefined) record.updatedDateTime = move(record.updatedDateTime) as string;
    return { ...item, record };
  });
}
