/**
 * Scale measurement of the wired stories path (`npm run bench:stories` runs it in child processes):
 *
 *   npx tsx bench/stories-scale.ts build   --n N --db PATH [--per-day 1000]
 *   npx tsx bench/stories-scale.ts measure --db PATH [--sample 1000]
 *
 * `build` fills a fresh store with N synthetic stored articles straight into the tables of
 * migrations 0001 and 0005 — articles, URLs, topics, entities, MinHash signatures and their 16 LSH
 * band rows, article features, stories of three articles, "term@day" postings, document
 * frequencies — at `per-day` articles a day, ending on the sample's days. Salient terms are drawn
 * from the sample corpus's own vocabulary, so the sample's postings lookups hit crowded keys.
 * `measure` (a fresh process: its peak RSS is what a store of N costs) stores `sample` planted-corpus
 * articles in batches of `batch` (default 50) and times the stories hook on each batch — dedup +
 * clustering + heat + related in one transaction, as ingest runs it — printing one JSON line with
 * the per-article cost (batch time / batch size: mean, p50 and p99 over batches).
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { bandHashes, contentTerms } from '../src/cluster/index.js';
import { parseJsonlRecords } from '../src/ingest/records/index.js';
import { prepareArticle } from '../src/pipeline/prepare-article.js';
import { foldName } from '../src/rank/index.js';
import { createKeyRing, generateKey } from '../src/secure/index.js';
import { clusterStoredBatch } from '../src/services/cluster-stored-batch.js';
import { createEnricher } from '../src/services/enrich-deps.js';
import { bandKey, signatureToBlob } from '../src/store/sqlite/stories-cluster-state.js';
import { SqliteStoriesRepository } from '../src/store/sqlite/stories-repository.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { mulberry32 } from '../test/support/mulberry32.js';
import { generateStoryCorpus } from './generate-story-corpus.js';
import { percentile } from './report.js';

const DAY_MS = 86_400_000;
/** The sample corpus: dense days (≈ 600 articles a day) starting here. */
const SAMPLE_START = '2025-06-01T00:00:00Z';
const SAMPLE_OPTIONS = { seed: 11, eventsPerDay: 100, start: SAMPLE_START };

const args = process.argv.slice(2);
const option = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};

function sampleCorpus(count: number) {
  return generateStoryCorpus({ articles: count, ...SAMPLE_OPTIONS });
}

async function build(n: number, path: string, perDay: number): Promise<void> {
  rmSync(path, { force: true });
  // Migrate through the real store, then bulk-load on a raw connection tuned for it.
  await (await openSqliteStore(path)).close();
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  const rng = mulberry32(99);
  const sample = sampleCorpus(1000).items;
  const vocab = [...new Set(sample.flatMap((i) => contentTerms(`${i.title} ${i.excerpt}`)))];
  const synthetic = Array.from({ length: 20_000 }, (_, k) => `zq${k.toString(36)}`);
  const pickVocab = (): string => vocab[Math.floor(rng() ** 2 * vocab.length)]!;
  const pickSynthetic = (): string => synthetic[Math.floor(rng() ** 2 * synthetic.length)]!;
  const df = new Map<string, number>();
  const endDay = Math.floor(Date.parse(SAMPLE_START) / DAY_MS) + 2;
  const ins = {
    article:
      db.prepare(`INSERT INTO articles (id, record_json, canonical_url, fingerprint, content_hash, title, published_at,
      provider_name, provider_domain, topics_json, extended_json, origin, first_seen_at, updated_at)
      VALUES (?, ?, ?, 'bench', 'bench', ?, ?, ?, ?, ?, '{}', 'bench', ?, ?)`),
    url: db.prepare('INSERT INTO article_urls (url, article_id) VALUES (?, ?)'),
    topic: db.prepare(
      'INSERT INTO article_topics (article_id, topic, published_at, article_seq) VALUES (?, ?, ?, ?)',
    ),
    entity: db.prepare(
      'INSERT OR IGNORE INTO article_entities (name_key, article_id, name, type, published_at) VALUES (?, ?, ?, ?, ?)',
    ),
    cluster:
      db.prepare(`INSERT INTO cluster_articles (n, article_id, provider, signature, title, published_ms, vector_json, entities_json, salient_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    bucket: db.prepare('INSERT OR IGNORE INTO lsh_buckets (band_key, n) VALUES (?, ?)'),
    member: db.prepare('INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)'),
    story:
      db.prepare(`INSERT INTO stories (id, title, title_article_id, centroid_json, providers_json, entities_json, first_seen_ms,
      last_seen_ms, article_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    posting: db.prepare('INSERT INTO story_postings (key, seq, story_id) VALUES (?, ?, ?)'),
  };
  let seq = 0;
  let group: {
    id: string;
    first: number;
    last: number;
    centroid: Map<string, number>;
    providers: Map<string, number>;
    title: string;
    firstId: string;
  } | null = null;
  const flushStory = (): void => {
    if (!group) return;
    ins.story.run(
      group.id,
      group.title,
      group.firstId,
      JSON.stringify([...group.centroid].slice(0, 60)),
      JSON.stringify([...group.providers]),
      '[]',
      group.first,
      group.last,
      3,
    );
    group = null;
  };
  const chunk = 50_000;
  const t0 = performance.now();
  for (let start = 0; start < n; start += chunk) {
    db.transaction(() => {
      for (let j = start; j < Math.min(n, start + chunk); j++) {
        const id = `f${j.toString(16).padStart(15, '0')}`;
        const day = endDay - Math.floor((n - 1 - j) / perDay);
        const ms = day * DAY_MS + Math.floor(((j % perDay) / perDay) * DAY_MS);
        const iso = new Date(ms).toISOString();
        const provider = `p${j % 400}.example`;
        const title = `Synthetic ${pickVocab()} ${pickSynthetic()} ${j}`;
        const url = `https://${provider}/a/${id}`;
        const topic = `Topic ${j % 40}`;
        const topics = j % 3 === 0 ? [topic, 'AI'] : [topic];
        const seqNo = Number(
          ins.article.run(
            id,
            JSON.stringify({
              title,
              webUrl: url,
              publishedDateTime: iso,
              provider: { name: provider, domain: provider },
            }),
            url,
            title,
            iso,
            provider,
            provider,
            JSON.stringify(topics),
            iso,
            iso,
          ).lastInsertRowid,
        );
        ins.url.run(url, id);
        for (const t of topics) ins.topic.run(id, t, iso, seqNo);
        const org = `Org ${Math.floor(rng() ** 2 * 5000)} Labs`;
        const person = `Person ${Math.floor(rng() ** 2 * 5000)}`;
        ins.entity.run(foldName(org), id, org, 'organization', iso);
        ins.entity.run(foldName(person), id, person, 'person', iso);
        const salient = [
          pickVocab(),
          pickVocab(),
          pickVocab(),
          pickVocab(),
          pickSynthetic(),
          pickSynthetic(),
          pickSynthetic(),
          pickSynthetic(),
        ];
        const vector = new Map<string, number>();
        for (const t of [...salient, ...Array.from({ length: 12 }, pickSynthetic)])
          vector.set(t, (vector.get(t) ?? 0) + 1 + Math.floor(rng() * 3));
        for (const t of vector.keys()) df.set(t, (df.get(t) ?? 0) + 1);
        const signature = new Uint32Array(128);
        for (let k = 0; k < 128; k++) signature[k] = Math.floor(rng() * 0x1_0000_0000);
        ins.cluster.run(
          j + 1,
          id,
          provider,
          signatureToBlob(signature),
          title,
          ms,
          JSON.stringify([...vector]),
          JSON.stringify([org, person]),
          JSON.stringify(salient),
        );
        bandHashes(signature).forEach((h, b) => ins.bucket.run(bandKey(b, h), j + 1));
        if (j % 3 === 0) {
          flushStory();
          group = {
            id: `s-${id}`,
            first: ms,
            last: ms,
            centroid: new Map(),
            providers: new Map(),
            title,
            firstId: id,
          };
        }
        const g = group!;
        g.last = ms;
        for (const [t, x] of vector) g.centroid.set(t, (g.centroid.get(t) ?? 0) + x);
        g.providers.set(provider, (g.providers.get(provider) ?? 0) + 1);
        ins.member.run(id, g.id);
        for (const t of salient) ins.posting.run(`${t}@${day}`, ++seq, g.id);
      }
    })();
    process.stderr.write(
      `\rbuilt ${Math.min(n, start + chunk).toLocaleString('en-US')} / ${n.toLocaleString('en-US')} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
  }
  db.transaction(() => {
    flushStory();
    const term = db.prepare('INSERT INTO cluster_terms (term, df) VALUES (?, ?)');
    for (const [t, c] of df) term.run(t, c);
    db.prepare("INSERT INTO cluster_meta (key, value) VALUES ('documents', ?), ('postings', ?)").run(n, seq);
  })();
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  process.stderr.write('\n');
  console.log(
    JSON.stringify({
      built: n,
      seconds: (performance.now() - t0) / 1000,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

async function measure(path: string, sampleSize: number, batchSize: number): Promise<void> {
  const store = await openSqliteStore(path);
  const repo = new SqliteStoriesRepository(store.database);
  const ring = createKeyRing([generateKey()]);
  const enrich = createEnricher();
  const { items } = sampleCorpus(sampleSize);
  const before = await store.countArticles();
  const times: number[] = [];
  let created = 0;
  let duplicates = 0;
  // Batches as ingest makes them (one transaction each; ingest's default is 500, 50 gives more
  // data points). The articles are stored first, untimed; then the hook is timed on the batch.
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items.slice(start, start + batchSize);
    const writes = batch.flatMap((item) =>
      prepareArticle(parseJsonlRecords(JSON.stringify(item), 'bench').items[0]!, { ring, enrich }),
    );
    const outcomes = await store.upsertArticles(writes, new Date().toISOString());
    const now = new Date(Date.parse(batch.at(-1)!.publishedDateTime) + 60_000);
    const t0 = performance.now();
    const r = await repo.transaction((tx) => clusterStoredBatch(tx, writes, outcomes, now));
    times.push((performance.now() - t0) / batch.length);
    created += r.storiesCreated;
    duplicates += r.duplicates.length;
  }
  await store.close();
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    JSON.stringify({
      stored: before,
      sample: items.length,
      batch: batchSize,
      meanMs: mean,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      storiesCreated: created,
      duplicates,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

const mode = args[0];
const db = option('--db', '');
if (!db) throw new Error('--db PATH is required');
if (mode === 'build') await build(Number(option('--n', '10000')), db, Number(option('--per-day', '1000')));
else if (mode === 'measure')
  await measure(db, Number(option('--sample', '1000')), Number(option('--batch', '50')));
else throw new Error('mode: build | measure');
