/**
 * Runs a planted corpus through the REAL wired path: the corpus is written as JSONL, ingested by
 * `ingestPaths` into a SQLite store with the stories `afterStore` hook, and the stored stories and
 * duplicate links are read back and compared with the ground truth. Shared by
 * `bench/stories.bench.ts` and `src/services/cluster-stored-batch.test.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnrichInput, Enrichment } from '../src/enrich/enrich-article.js';
import { createKeyRing, generateKey } from '../src/secure/index.js';
import { createStoriesAfterStore } from '../src/services/cluster-stored-batch.js';
import { ingestPaths, type IngestSummary } from '../src/services/ingest.js';
import { SqliteStoriesRepository } from '../src/store/sqlite/stories-repository.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';
import type { ArticleWrite } from '../src/store/store.js';
import type { CorpusItem, CorpusTruth } from './generate-story-corpus.js';

/** What a wired run measured. */
export interface WiredRun {
  summary: IngestSummary;
  /** Corpus id → predicted story id / planted story id. */
  predicted: Map<string, string>;
  expected: Map<string, string>;
  duplicates: { tp: number; fp: number; fn: number };
  /** Milliseconds spent in the afterStore hook (dedup + clustering + heat + related). */
  hookMs: number;
  /** Wall time of the whole ingest. */
  ingestMs: number;
  store: SqliteStore;
  repo: SqliteStoriesRepository;
  cleanup: () => Promise<void>;
}

/** Ingests `items` through `ingestPaths` + the stories hook into a fresh temp SQLite file. */
export async function runWiredCorpus(
  items: readonly CorpusItem[],
  truth: readonly CorpusTruth[],
  options: { enrich?: (input: EnrichInput) => Enrichment; now?: Date; batchSize?: number } = {},
): Promise<WiredRun> {
  const dir = mkdtempSync(join(tmpdir(), 'heatwire-stories-'));
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  const store = await openSqliteStore(join(dir, 'heatwire.db'));
  const repo = new SqliteStoriesRepository(store.database);
  const now = options.now ?? new Date();
  const hook = createStoriesAfterStore(repo, () => now);
  const fullWrites: ArticleWrite[] = [];
  let hookMs = 0;
  const t0 = performance.now();
  const summary = await ingestPaths([corpus], {
    store,
    ring: createKeyRing([generateKey()]),
    now: () => now,
    maxInputBytes: 1 << 30,
    ...(options.enrich ? { enrich: options.enrich } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    afterStore: async (writes, outcomes) => {
      fullWrites.push(...writes.filter((w) => w.mode === 'full'));
      const start = performance.now();
      await hook(writes, outcomes);
      hookMs += performance.now() - start;
    },
  });
  const ingestMs = performance.now() - t0;
  if (fullWrites.length !== items.length)
    throw new Error(`expected ${items.length} stored items, saw ${fullWrites.length}`);

  // Line k of the corpus is full write k. Its stored id is its own id, or the article its URL reached.
  const storedIds: string[] = [];
  for (const w of fullWrites) {
    const own = await store.getArticle(w.id);
    storedIds.push(own ? w.id : ((await findByUrls(store, w)) ?? w.id));
  }
  const corpusIdOfStored = new Map<string, string>();
  storedIds.forEach((s, k) => {
    if (!corpusIdOfStored.has(s)) corpusIdOfStored.set(s, truth[k]!.id);
  });
  const predicted = new Map<string, string>();
  const expected = new Map<string, string>();
  const duplicates = { tp: 0, fp: 0, fn: 0 };
  for (let k = 0; k < items.length; k++) {
    const t = truth[k]!;
    const stored = storedIds[k]!;
    predicted.set(t.id, (await repo.storyOfArticle(stored)) ?? `none:${t.id}`);
    expected.set(t.id, t.story);
    const found = await predictedDuplicate(repo, fullWrites[k]!, stored, corpusIdOfStored, t.id);
    const hit =
      found !== null &&
      t.duplicateOf !== undefined &&
      found.of === t.duplicateOf &&
      found.relation === t.relation;
    if (hit) duplicates.tp++;
    else if (found) duplicates.fp++;
    if (t.duplicateOf && !hit) duplicates.fn++;
  }
  return {
    summary,
    predicted,
    expected,
    duplicates,
    hookMs,
    ingestMs,
    store,
    repo,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function findByUrls(store: SqliteStore, w: ArticleWrite): Promise<string | null> {
  for (const url of [...w.urls, ...(w.canonicalUrl ? [w.canonicalUrl] : [])]) {
    const id = await store.findIdByUrl(url);
    if (id) return id;
  }
  return null;
}

/** The duplicate Heatwire found for corpus line k, as (original corpus id, relation). */
async function predictedDuplicate(
  repo: SqliteStoriesRepository,
  write: ArticleWrite,
  stored: string,
  corpusIdOfStored: Map<string, string>,
  selfCorpusId: string,
): Promise<{ of: string; relation: 'same-article' | 'copy-of' } | null> {
  // Reached an article stored by an earlier line (same canonical URL or URL variant): same article.
  const first = corpusIdOfStored.get(stored);
  if (first !== undefined && first !== selfCorpusId) return { of: first, relation: 'same-article' };
  for (const id of [write.id, stored]) {
    const link = await repo.duplicateOf(id);
    if (!link) continue;
    const of = corpusIdOfStored.get(link.canonicalId);
    if (of === undefined) continue;
    return { of, relation: link.kind === 'syndicated' ? 'copy-of' : 'same-article' };
  }
  return null;
}
