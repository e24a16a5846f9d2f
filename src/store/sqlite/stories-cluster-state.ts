import { HeatwireError } from '../../core/errors.js';
import type { ClusterState } from '../../cluster/cluster-article.js';
import type { IndexedCopy } from '../../cluster/find-near-duplicate.js';
import { bandHashes, type LshIndex } from '../../cluster/lsh-index.js';
import { isEmptySignature } from '../../cluster/minhash-signature.js';
import type { ArticleFeatures, EditorConstraint, StoryIndex, StoryState } from '../../cluster/story-index.js';
import type { ClusterStatements } from './stories-cluster-statements.js';

const BAND_SPAN = 2 ** 32;

type Row = Record<string, unknown>;

/** Encodes a signature as a BLOB (platform byte order; every supported platform is little-endian). */
export function signatureToBlob(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

function blobToSignature(blob: unknown): Uint32Array {
  if (!(blob instanceof Uint8Array) || blob.byteLength % 4 !== 0)
    throw new HeatwireError('STORE_FAILED', 'bad signature blob');
  // Copy: a Buffer from SQLite may sit at an offset not aligned to 4 bytes.
  return new Uint32Array(new Uint8Array(blob).buffer);
}

const json = (v: unknown): string => JSON.stringify(v);
const mapJson = (m: Map<string, number>): string => JSON.stringify([...m]);
const parseMap = (s: unknown): Map<string, number> =>
  new Map(JSON.parse(String(s)) as Array<[string, number]>);

/** The integer bucket key of band `b` with hash `h`. */
export function bandKey(b: number, h: number): number {
  return b * BAND_SPAN + h;
}

/**
 * Dedup + clustering state over the cluster tables, for ONE transaction: reads go to SQLite by
 * key; stories and document frequencies read in this transaction are cached in it (bounded by
 * the batch), so scoring a candidate does not re-query a term's frequency per comparison.
 */
export function createSqliteClusterState(s: ClusterStatements): ClusterState {
  const idOf = (n: number): string | undefined =>
    (s.idOfN.get(n) as Row | undefined)?.article_id as string | undefined;
  const signatureOf = (id: string): { n: number; signature: Uint32Array | null } | undefined => {
    const row = s.articleByIdN.get(id) as Row | undefined;
    if (!row) return undefined;
    return { n: Number(row.n), signature: row.signature == null ? null : blobToSignature(row.signature) };
  };
  const removeBands = (id: string): void => {
    const old = signatureOf(id);
    if (!old?.signature || isEmptySignature(old.signature)) return;
    bandHashes(old.signature).forEach((h, b) => s.deleteBucket.run(bandKey(b, h), old.n));
  };
  const lsh: LshIndex = {
    add(id, signature) {
      s.ensureArticle.run(id);
      removeBands(id);
      // A text with no words has the same signature as every other such text: indexing it
      // would build one ever-growing bucket, and it can never be a near-duplicate anyway.
      if (isEmptySignature(signature)) return;
      const n = signatureOf(id)!.n;
      bandHashes(signature).forEach((h, b) => s.addBucket.run(bandKey(b, h), n));
    },
    candidates(signature) {
      const ns = new Set<number>();
      bandHashes(signature).forEach((h, b) => {
        for (const row of s.bucketIds.all(bandKey(b, h)) as Row[]) ns.add(Number(row.n));
      });
      return [...ns]
        .sort((a, b) => a - b)
        .map(idOf)
        .filter((id): id is string => id !== undefined);
    },
    remove: removeBands,
    serialize() {
      throw new HeatwireError(
        'USAGE',
        'a store-backed LSH index is not serialised whole; it is already persistent',
      );
    },
    load() {
      throw new HeatwireError('USAGE', 'a store-backed LSH index is not loaded whole');
    },
  };
  const copies = {
    get(id: string): IndexedCopy | undefined {
      const row = s.articleByIdN.get(id) as Row | undefined;
      if (!row || row.signature == null) return undefined;
      return { provider: String(row.provider), signature: blobToSignature(row.signature) };
    },
    set(id: string, copy: IndexedCopy): void {
      s.ensureArticle.run(id);
      s.setCopy.run(copy.provider, signatureToBlob(copy.signature), id);
    },
  };
  return { lsh, copies, stories: createSqliteStoryIndex(s) };
}

function createSqliteStoryIndex(s: ClusterStatements): StoryIndex {
  const df = new Map<string, number>();
  const stories = new Map<string, StoryState>();
  let documents: number | undefined;
  let postingSeq: number | undefined;
  // Redirects only change by retireStory/putStory in this transaction, which update the cache.
  const resolved = new Map<string, string>();
  const resolve = (id: string): string => {
    const hit = resolved.get(id);
    if (hit !== undefined) return hit;
    let cur = id;
    for (let hops = 0; hops < 64; hops++) {
      const next = (s.redirect.get(cur) as Row | undefined)?.into_id;
      if (typeof next !== 'string') break;
      cur = next;
    }
    resolved.set(id, cur);
    return cur;
  };
  const loadStory = (id: string): StoryState | undefined => {
    const cached = stories.get(id);
    if (cached) return cached;
    const row = s.story.get(id) as Row | undefined;
    if (!row) return undefined;
    const story: StoryState = {
      id,
      title: String(row.title),
      titleArticleId: String(row.title_article_id),
      centroid: parseMap(row.centroid_json),
      articleIds: (s.storyArticleIds.all(id) as Row[]).map((r) => String(r.article_id)),
      firstSeen: Number(row.first_seen_ms),
      lastSeen: Number(row.last_seen_ms),
      providers: parseMap(row.providers_json),
      entities: parseMap(row.entities_json),
    };
    stories.set(id, story);
    return story;
  };
  const documentFrequency = (t: string): number => {
    let n = df.get(t);
    if (n === undefined) {
      n = Number((s.df.get(t) as Row | undefined)?.df ?? 0);
      df.set(t, n);
    }
    return n;
  };
  return {
    documentCount: () => (documents ??= Number((s.docCount.get() as Row | undefined)?.value ?? 0)),
    documentFrequency,
    countDocument(terms) {
      documents = (documents ?? Number((s.docCount.get() as Row | undefined)?.value ?? 0)) + 1;
      s.setDocCount.run(documents);
      for (const t of new Set(terms)) {
        df.set(t, documentFrequency(t) + 1);
        s.bumpDf.run(t);
      }
    },
    lookupPostings(keys) {
      const hits = new Map<string, number>();
      for (const key of keys) {
        const seen = new Set<string>();
        for (const row of s.postings.all(key) as Row[]) {
          const id = resolve(String(row.story_id));
          if (seen.has(id)) continue;
          seen.add(id);
          hits.set(id, (hits.get(id) ?? 0) + 1);
        }
      }
      return hits;
    },
    post(keys, storyId) {
      postingSeq ??= Number((s.postingSeq.get() as Row | undefined)?.value ?? 0);
      for (const key of keys) {
        // Same story as the key's latest posting: nothing new to record (keeps keys short).
        if ((s.lastPosting.get(key) as Row | undefined)?.story_id === storyId) continue;
        s.post.run(key, ++postingSeq, storyId);
      }
      s.setPostingSeq.run(postingSeq);
    },
    getStory: (id) => loadStory(resolve(id)),
    putStory(story) {
      s.deleteRedirect.run(story.id);
      resolved.clear();
      stories.set(story.id, story);
      s.putStory.run({
        id: story.id,
        title: story.title,
        titleArticleId: story.titleArticleId,
        centroid: mapJson(story.centroid),
        providers: mapJson(story.providers),
        entities: mapJson(story.entities),
        firstSeen: story.firstSeen,
        lastSeen: story.lastSeen,
        count: story.articleIds.length,
      });
    },
    retireStory(id, into) {
      resolved.clear();
      stories.delete(id);
      s.deleteStory.run(id);
      s.addRedirect.run(id, into);
    },
    hasStoryId: (id) => s.hasStory.get(id, id) !== undefined,
    getArticle(id) {
      const row = s.features.get(id) as Row | undefined;
      if (!row || row.vector_json == null) return undefined;
      return {
        id,
        title: String(row.title),
        provider: String(row.provider),
        publishedAt: Number(row.published_ms),
        vector: parseMap(row.vector_json),
        entities: JSON.parse(String(row.entities_json)) as string[],
        salient: JSON.parse(String(row.salient_json)) as string[],
      } satisfies ArticleFeatures;
    },
    putArticle(a) {
      s.putFeatures.run({
        id: a.id,
        provider: a.provider,
        title: a.title,
        published: a.publishedAt,
        vector: mapJson(a.vector),
        entities: json(a.entities),
        salient: json(a.salient),
      });
    },
    storyOf(articleId) {
      const id = (s.storyOf.get(articleId) as Row | undefined)?.story_id;
      return typeof id === 'string' ? resolve(id) : undefined;
    },
    setStoryOf: (articleId, storyId) => void s.setStoryOf.run(articleId, storyId),
    isCannotLinked: (a, b) => s.isCannot.get(resolve(a), resolve(b)) !== undefined,
    setCannotLinked(a, b, value) {
      const [x, y] = [resolve(a), resolve(b)];
      for (const [p, q] of [
        [x, y],
        [y, x],
      ] as const) {
        if (value) s.addCannot.run(p, q);
        else s.deleteCannot.run(p, q);
      }
    },
    cannotLinksOf: (id) => (s.cannotOf.all(resolve(id)) as Row[]).map((r) => resolve(String(r.b))),
    recordConstraint: (c) =>
      void s.addDecision.run(
        c.kind,
        c.stories[0],
        c.stories[1],
        c.articleIds ? json(c.articleIds) : null,
        c.at,
      ),
    constraints: () => readDecisions(s),
    *stories() {
      // .all(), not .iterate(): the connection cannot run the story reads while an iterator is open.
      for (const row of s.allStories.all() as Row[]) {
        const story = loadStory(String(row.id));
        if (story) yield story;
      }
    },
  };
}

/** Editor decisions, oldest first. */
export function readDecisions(s: ClusterStatements): EditorConstraint[] {
  return (s.decisions.all() as Row[]).map((r) => ({
    kind: r.kind === 'must-link' ? 'must-link' : 'cannot-link',
    stories: [String(r.story_a), String(r.story_b)],
    ...(typeof r.article_ids_json === 'string'
      ? { articleIds: JSON.parse(r.article_ids_json) as string[] }
      : {}),
    at: String(r.at),
  }));
}
