import { z } from 'zod';
import { clusterArticle } from '../cluster/cluster-article.js';
import { chooseRelated, insertStoryMate, RELATED_LIMIT } from '../cluster/choose-related.js';
import { computeHeat, foldName, type HeatOptionsInput } from '../rank/index.js';
import type { ArticleWrite, UpsertOutcome } from '../store/store.js';
import type {
  ArticleEntity,
  DuplicateLink,
  StoriesRepository,
  StoriesTransaction,
  StoryMember,
} from '../store/stories.js';

/** Tuning of the post-store stories step. */
export interface ClusterBatchOptions {
  /** Related articles by topic/entity are looked for within ± this many days (default 7). */
  relatedWindowDays?: number;
  /** Rows read per topic or entity key when looking for related articles (default 50). */
  relatedPerKey?: number;
  /** Story mates whose related list gets the newcomer (default 5, the closest in time). */
  mateUpdates?: number;
  heat?: HeatOptionsInput;
}

/** What one batch did, for summaries and tests. */
export interface ClusterBatchResult {
  clustered: number;
  storiesCreated: number;
  duplicates: DuplicateLink[];
  touchedStories: string[];
}

const DAY_MS = 86_400_000;
/** Entities of the enrichment as stored in `extended` (validated: a stored field can be anything). */
const ExtendedEntitiesSchema = z.array(
  z.looseObject({ name: z.string(), type: z.string(), salience: z.number().optional() }),
);
const MAX_ENTITIES = 8;
const MAX_TOPICS = 5;

/** People and organisations of an article, most salient first. */
export function entitiesOfWrite(write: ArticleWrite): ArticleEntity[] {
  const parsed = ExtendedEntitiesSchema.safeParse(write.extended.entities);
  if (!parsed.success) return [];
  return parsed.data
    .filter(
      (e): e is typeof e & { type: ArticleEntity['type'] } =>
        e.type === 'person' || e.type === 'organization',
    )
    .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0))
    .slice(0, MAX_ENTITIES)
    .map((e) => ({ name: e.name, type: e.type }));
}

/**
 * The ingest `afterStore` hook (src/services/ingest.ts): clusters the batch's new and updated
 * top-level articles, links duplicates, rescores the touched stories and writes computed related
 * lists, all in ONE transaction per batch.
 */
export function createStoriesAfterStore(
  repo: StoriesRepository,
  now: () => Date,
  options: ClusterBatchOptions = {},
): (writes: ArticleWrite[], outcomes: UpsertOutcome[]) => Promise<void> {
  return async (writes, outcomes) => {
    await repo.transaction((tx) => clusterStoredBatch(tx, writes, outcomes, now(), options));
  };
}

/** The body of the hook, inside a transaction (exported for the benchmark's timing). */
export function clusterStoredBatch(
  tx: StoriesTransaction,
  writes: readonly ArticleWrite[],
  outcomes: readonly UpsertOutcome[],
  now: Date,
  options: ClusterBatchOptions = {},
): ClusterBatchResult {
  const nowIso = now.toISOString();
  const result: ClusterBatchResult = { clustered: 0, storiesCreated: 0, duplicates: [], touchedStories: [] };
  const touched = new Set<string>();
  const forRelated: Array<{ id: string; write: ArticleWrite; entities: ArticleEntity[]; storyId: string }> =
    [];
  writes.forEach((write, i) => {
    // Records nested in `related` are references, not coverage the batch brought in.
    if (write.mode !== 'full') return;
    const outcome = outcomes[i];
    const stored = tx.resolveArticleId(write);
    // One of its URLs reached an article stored under another id (an AMP, cache or old address):
    // the same article, recorded as a `url` duplicate of it.
    if (stored && stored !== write.id) {
      link(tx, result, { articleId: write.id, canonicalId: stored, kind: 'url', similarity: null }, nowIso);
    }
    if (outcome === 'duplicate') return;
    const id = stored ?? write.id;
    // An updated article keeps its story; it is re-indexed but never becomes a duplicate of a
    // copy that arrived after it.
    const known = tx.state.stories.storyOf(id) !== undefined;
    const entities = entitiesOfWrite(write);
    const out = clusterArticle(
      {
        id,
        title: write.title,
        lead: write.excerpt ?? write.textForIndex?.slice(0, 400) ?? '',
        ...(write.textForIndex ? { text: write.textForIndex } : {}),
        entities: entities.map((e) => e.name),
        publishedAt: write.publishedAt ?? nowIso,
        provider: write.providerDomain ?? write.providerName ?? '',
      },
      tx.state,
      now,
    );
    result.clustered += 1;
    if (out.created) result.storiesCreated += 1;
    if (out.duplicate && !known) {
      const kind = out.duplicate.relation === 'same-article' ? 'near-duplicate' : 'syndicated';
      link(
        tx,
        result,
        { articleId: id, canonicalId: out.duplicate.of, kind, similarity: out.duplicate.similarity },
        nowIso,
      );
    }
    tx.saveEntities(id, write.publishedAt, entities);
    touched.add(out.storyId);
    // A same-article near-duplicate is the original again: it has no related list of its own.
    if (known || out.duplicate?.relation !== 'same-article')
      forRelated.push({ id, write, entities, storyId: out.storyId });
  });
  for (const storyId of touched) {
    const current = tx.state.stories.getStory(storyId)?.id;
    if (current) rescoreStory(tx, current, now, options);
  }
  for (const item of forRelated) writeRelated(tx, item, options);
  result.touchedStories = [...touched];
  return result;
}

function link(tx: StoriesTransaction, result: ClusterBatchResult, l: DuplicateLink, now: string): void {
  tx.linkDuplicate(l, now);
  result.duplicates.push(l);
}

/** Recomputes and stores a story's heat at `now` from its articles. */
export function rescoreStory(
  tx: StoriesTransaction,
  storyId: string,
  now: Date,
  options: ClusterBatchOptions = {},
): void {
  const members = tx.membersOf(storyId);
  tx.saveHeat(
    storyId,
    computeHeat({ articles: members.map(heatArticleOf) }, now, options.heat),
    now.toISOString(),
  );
}

/** A story member as heat sees it. */
export function heatArticleOf(m: StoryMember): {
  publishedAt: string;
  firstSeenAt: string;
  provider: string;
  quality?: number;
} {
  return {
    publishedAt: m.publishedAt ?? m.firstSeenAt,
    firstSeenAt: m.firstSeenAt,
    provider: m.provider,
    ...(m.quality === null ? {} : { quality: m.quality }),
  };
}

function writeRelated(
  tx: StoriesTransaction,
  item: { id: string; write: ArticleWrite; entities: ArticleEntity[]; storyId: string },
  options: ClusterBatchOptions,
): void {
  const storyId = tx.state.stories.storyOf(item.id) ?? item.storyId;
  const mates = tx.membersOf(storyId, 200).filter((m) => m.articleId !== item.id);
  const publishedAt = item.write.publishedAt;
  const at = publishedAt === null ? NaN : Date.parse(publishedAt);
  let candidates: ReturnType<StoriesTransaction['findRelatedCandidates']> = [];
  if (Number.isFinite(at)) {
    const window = (options.relatedWindowDays ?? 7) * DAY_MS;
    candidates = tx.findRelatedCandidates({
      articleId: item.id,
      topics: item.write.topics.slice(0, MAX_TOPICS),
      entityKeys: item.entities.map((e) => foldName(e.name)),
      from: new Date(at - window).toISOString(),
      to: new Date(at + window).toISOString(),
      perKey: options.relatedPerKey ?? 50,
    });
  }
  tx.replaceComputedRelated(item.id, chooseRelated({ articleId: item.id, publishedAt }, mates, candidates));
  // The newcomer also belongs in the lists of its closest story mates (bounded, so a story of any
  // size costs the same): after their same-story prefix, before topic matches.
  const isMate = (id: string): boolean => tx.state.stories.storyOf(id) === storyId;
  const closest = [...mates]
    .sort((a, b) => distance(a.publishedAt, at) - distance(b.publishedAt, at))
    .slice(0, options.mateUpdates ?? 5);
  for (const m of closest) {
    const next = insertStoryMate(tx.computedRelatedOf(m.articleId), item.id, isMate, RELATED_LIMIT);
    if (next) tx.replaceComputedRelated(m.articleId, next);
  }
}

function distance(iso: string | null, at: number): number {
  const t = iso === null ? NaN : Date.parse(iso);
  return Number.isFinite(t) && Number.isFinite(at) ? Math.abs(t - at) : Number.MAX_SAFE_INTEGER;
}
