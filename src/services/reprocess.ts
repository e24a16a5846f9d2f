import type { EnrichInput, Enrichment } from '../enrich/enrich-article.js';
import { applyTopicEdit, applyTopicEditToResults, type Taxonomy, type TopicEdit } from '../enrich/topics/index.js';
import { enrichInputOf, sealEnrichment } from '../pipeline/prepare-article.js';
import type { KeyRing } from '../secure/index.js';
import type { ArticleRow, EnrichmentUpdate, Store } from '../store/store.js';
import { readArticleText } from './read-article-text.js';

/** Which stored articles to re-enrich (all when empty). Dates compare with `publishedDateTime`. */
export interface ReprocessFilters {
  topic?: string;
  provider?: string;
  since?: string;
  until?: string;
  limit?: number;
}

export interface ReprocessDeps {
  store: Store;
  ring: KeyRing;
  enrich: (input: EnrichInput) => Enrichment;
  taxonomy: Taxonomy;
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
}

export interface ReprocessSummary {
  /** Articles looked at, re-enriched, skipped (never enriched: records only nested in another's `related`). */
  scanned: number;
  reprocessed: number;
  skipped: number;
  /** Topic lists that changed. */
  changed: number;
  failed: Array<{ id: string; code: string; reason: string }>;
}

/**
 * `heatwire reprocess [filters]`: runs enrichment again on stored articles after the taxonomy,
 * the provider table or the topic model changed. Topics follow the same rule as ingest (a
 * record's own topics stand; computed ones fill in), then the editor's correction is applied
 * again. Writes go in batches, one transaction each; the text is decrypted in memory only.
 */
export async function reprocessArticles(filters: ReprocessFilters, deps: ReprocessDeps): Promise<ReprocessSummary> {
  const summary: ReprocessSummary = { scanned: 0, reprocessed: 0, skipped: 0, changed: 0, failed: [] };
  const edits = new Map<string, TopicEdit>(
    (await deps.store.listTopicCorrections()).map((c) => [c.articleId, { add: c.add, remove: c.remove }]),
  );
  const total = await deps.store.countArticles();
  const limit = filters.limit ?? Infinity;
  let pending: EnrichmentUpdate[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length) await deps.store.updateEnrichment(pending);
    pending = [];
  };
  let seen = 0;
  for await (const row of deps.store.iterateArticles()) {
    seen += 1;
    if (seen % 100 === 0) deps.onProgress?.(seen, total);
    if (!matches(row, filters)) continue;
    if (summary.reprocessed >= limit) break;
    summary.scanned += 1;
    try {
      const text = readArticleText(row, deps.ring);
      if (text === null && Object.keys(row.extended).length === 0) {
        summary.skipped += 1;
        continue;
      }
      const update = reenrich(row, text, edits.get(row.id), deps);
      if (!sameList(update.topics, row.topics)) summary.changed += 1;
      pending.push(update);
      summary.reprocessed += 1;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      summary.failed.push({ id: row.id, code: e.code ?? 'INTERNAL', reason: e.message ?? String(err) });
    }
    if (pending.length >= (deps.batchSize ?? 200)) await flush();
  }
  await flush();
  deps.onProgress?.(total, total);
  return summary;
}

function reenrich(row: ArticleRow, text: string | null, edit: TopicEdit | undefined, deps: ReprocessDeps): EnrichmentUpdate {
  const enrichment = deps.enrich(enrichInputOf(row.record, text));
  let topics = row.record.topics ?? enrichment.topics.map((t) => t.name);
  const extended = sealEnrichment(enrichment, deps.ring);
  if (edit) {
    topics = applyTopicEdit(topics, edit, deps.taxonomy);
    extended.topics = applyTopicEditToResults(enrichment.topics, edit, deps.taxonomy);
    extended.editorTopics = edit;
  }
  return { id: row.id, topics, extended };
}

function matches(row: ArticleRow, f: ReprocessFilters): boolean {
  if (f.topic !== undefined && !row.topics.includes(f.topic)) return false;
  if (f.provider !== undefined) {
    const p = f.provider.toLowerCase();
    if (row.providerName?.toLowerCase() !== p && row.providerDomain?.toLowerCase() !== p) return false;
  }
  if (f.since !== undefined && (row.publishedAt === null || row.publishedAt < f.since)) return false;
  if (f.until !== undefined && (row.publishedAt === null || row.publishedAt >= f.until)) return false;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
