import type { Database } from 'better-sqlite3';
import { HeatwireError } from '../../core/errors.js';
import type { EditorConstraint } from '../../cluster/story-index.js';
import { foldName } from '../../rank/compute-heat.js';
import type {
  ArticleEntity,
  DuplicateLink,
  ListStoriesOptions,
  RelatedCandidate,
  RelatedCandidateQuery,
  StoriesRepository,
  StoriesTransaction,
  StoryMember,
  StoryRow,
  TimelineQuery,
  TimelineRow,
} from '../stories.js';
import { prepareClusterStatements, type ClusterStatements } from './stories-cluster-statements.js';
import { prepareStoriesStatements, type StoriesStatements as Statements } from './stories-statements.js';
import { createSqliteClusterState, readDecisions } from './stories-cluster-state.js';

type Row = Record<string, unknown>;

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 1000;
/** The case-, accent- and space-insensitive key entities are indexed under (rank's foldName). */
const entityNameKey = foldName;

/**
 * The SQLite stories repository: the cluster tables of migration 0005 on the store's own
 * connection (`SqliteStore.database`), so clustering a batch can join the articles tables.
 */
export class SqliteStoriesRepository implements StoriesRepository {
  readonly #db: Database;
  readonly #s: Statements;
  readonly #c: ClusterStatements;

  /** Expects a connection migrated to v5 or later. */
  constructor(db: Database) {
    this.#db = db;
    this.#s = prepareStoriesStatements(db);
    this.#c = prepareClusterStatements(db);
  }

  async transaction<T>(work: (tx: StoriesTransaction) => T): Promise<T> {
    const run = this.#db.transaction(() => work(this.#transactionOps()));
    try {
      // IMMEDIATE: take the write lock up front (see upsert-articles.ts).
      return run.immediate();
    } catch (err) {
      if (err instanceof HeatwireError) throw err;
      throw new HeatwireError('STORE_FAILED', `stories transaction rolled back: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  #transactionOps(): StoriesTransaction {
    const s = this.#s;
    return {
      state: createSqliteClusterState(this.#c),
      resolveArticleId: (write) => {
        if (s.articleById.get(write.id)) return write.id;
        for (const url of [...write.urls, ...(write.canonicalUrl ? [write.canonicalUrl] : [])]) {
          const row = s.articleByUrl.get(url) as Row | undefined;
          if (row) return String(row.id);
        }
        return null;
      },
      linkDuplicate: (link, now) =>
        void s.linkDuplicate.run(link.articleId, link.canonicalId, link.kind, link.similarity, now),
      saveEntities: (articleId, publishedAt, entities) => saveEntities(s, articleId, publishedAt, entities),
      membersOf: (storyId, limit = 1000) => (s.members.all(storyId, limit) as Row[]).map(memberOf),
      saveHeat: (storyId, heat, at) =>
        void s.saveHeat.run(heat.score, JSON.stringify(heat.reasons), heat.trend, at, storyId),
      findRelatedCandidates: (q) => findRelatedCandidates(s, q),
      computedRelatedOf: (articleId) =>
        (s.computedRelated.all(articleId) as Row[]).map((r) => String(r.related_id)),
      replaceComputedRelated: (articleId, ids) => {
        s.deleteComputed.run(articleId);
        ids.forEach((id, i) => s.insertComputed.run(articleId, id, i));
      },
      flagEdited: (storyId, kind) => void (kind === 'merge' ? s.flagMerge : s.flagSplit).run(storyId),
    };
  }

  async listStories(options: ListStoriesOptions = {}): Promise<StoryRow[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIST_LIMIT), 0), MAX_LIST_LIMIT);
    const since = options.activeSince ?? Number.MIN_SAFE_INTEGER;
    const rows =
      options.topic === undefined
        ? this.#s.listRecent.all(since, limit)
        : this.#s.listTopic.all(options.topic, since, limit);
    return (rows as Row[]).map(storyRowOf);
  }

  async getStory(id: string): Promise<StoryRow | null> {
    const row = this.#s.story.get(this.#resolve(id)) as Row | undefined;
    return row ? storyRowOf(row) : null;
  }

  async members(storyId: string, limit = 1000): Promise<StoryMember[]> {
    return (this.#s.members.all(this.#resolve(storyId), limit) as Row[]).map(memberOf);
  }

  async storyOfArticle(articleId: string): Promise<string | null> {
    const canonical = (this.#s.canonicalOf.get(articleId) as Row | undefined)?.canonical_id;
    for (const id of [articleId, ...(typeof canonical === 'string' ? [canonical] : [])]) {
      const row = this.#s.storyOfArticle.get(id) as Row | undefined;
      if (row) return this.#resolve(String(row.story_id));
    }
    return null;
  }

  async duplicatesOf(articleId: string): Promise<DuplicateLink[]> {
    return (this.#s.duplicatesOf.all(articleId) as Row[]).map(linkOf);
  }

  async duplicateOf(articleId: string): Promise<DuplicateLink | null> {
    const row = this.#s.canonicalOf.get(articleId) as Row | undefined;
    return row ? linkOf(row) : null;
  }

  async computedRelated(articleId: string): Promise<string[]> {
    return (this.#s.computedRelated.all(articleId) as Row[]).map((r) => String(r.related_id));
  }

  async timelineRows(query: TimelineQuery): Promise<TimelineRow[]> {
    let rows: Row[];
    if (query.topic !== undefined) rows = this.#s.timelineTopic.all(query.topic) as Row[];
    else if (query.org !== undefined)
      rows = this.#s.timelineEntity.all(entityNameKey(query.org), 'organization') as Row[];
    else if (query.person !== undefined)
      rows = this.#s.timelineEntity.all(entityNameKey(query.person), 'person') as Row[];
    else throw new HeatwireError('USAGE', 'a timeline needs --topic, --org or --person');
    const stories = new Map<string, StoryRow | null>();
    const out: TimelineRow[] = [];
    for (const r of rows) {
      const id = this.#resolve(String(r.story_id));
      if (!stories.has(id)) stories.set(id, await this.getStory(id));
      const story = stories.get(id);
      if (!story) continue;
      const entities = this.#s.entitiesOf.all(String(r.article_id)) as Row[];
      out.push({
        storyId: id,
        storyTitle: story.title,
        heat: story.heat,
        publishedAt: String(r.published_at),
        topics: JSON.parse(String(r.topics_json)) as string[],
        orgs: entities.filter((e) => e.type === 'organization').map((e) => String(e.name)),
        people: entities.filter((e) => e.type === 'person').map((e) => String(e.name)),
      });
    }
    return out;
  }

  async decisions(): Promise<EditorConstraint[]> {
    return readDecisions(this.#c);
  }

  #resolve(id: string): string {
    let cur = id;
    for (let hops = 0; hops < 64; hops++) {
      const next = (this.#s.redirect.get(cur) as Row | undefined)?.into_id;
      if (typeof next !== 'string') return cur;
      cur = next;
    }
    return cur;
  }
}

function saveEntities(
  s: Statements,
  articleId: string,
  publishedAt: string | null,
  entities: readonly ArticleEntity[],
): void {
  s.deleteEntities.run(articleId);
  for (const e of entities) {
    const key = entityNameKey(e.name);
    if (key) s.insertEntity.run(key, articleId, e.name, e.type, publishedAt);
  }
}

function findRelatedCandidates(s: Statements, q: RelatedCandidateQuery): RelatedCandidate[] {
  const found = new Map<string, RelatedCandidate>();
  const take = (rows: Row[], field: 'sharedTopics' | 'sharedEntities'): void => {
    for (const r of rows) {
      const id = String(r.article_id);
      if (id === q.articleId) continue;
      const c = found.get(id) ?? {
        articleId: id,
        publishedAt: textOrNull(r.published_at),
        sharedTopics: 0,
        sharedEntities: 0,
      };
      c[field] += 1;
      found.set(id, c);
    }
  };
  // Each key is one bounded index range scan (topic|name, published_at): the cost depends on the
  // window's volume and `perKey`, never on the size of the store.
  for (const t of q.topics) take(s.topicWindow.all(t, q.from, q.to, q.perKey) as Row[], 'sharedTopics');
  for (const k of q.entityKeys)
    take(s.entityWindow.all(k, q.from, q.to, q.perKey) as Row[], 'sharedEntities');
  return [...found.values()];
}

function textOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function linkOf(r: Row): DuplicateLink {
  return {
    articleId: String(r.article_id),
    canonicalId: String(r.canonical_id),
    kind: r.kind === 'url' || r.kind === 'near-duplicate' ? r.kind : 'syndicated',
    similarity: r.similarity == null ? null : Number(r.similarity),
  };
}

function memberOf(r: Row): StoryMember {
  return {
    articleId: String(r.article_id),
    title: String(r.title),
    webUrl: textOrNull(r.canonical_url),
    publishedAt: textOrNull(r.published_at),
    firstSeenAt: String(r.first_seen_at),
    provider: String(r.provider),
    quality: r.quality == null || !Number.isFinite(Number(r.quality)) ? null : Number(r.quality),
    topics: JSON.parse(String(r.topics_json)) as string[],
  };
}

function storyRowOf(r: Row): StoryRow {
  const byCount = (s: unknown): string[] =>
    (JSON.parse(String(s)) as Array<[string, number]>)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k]) => k);
  return {
    id: String(r.id),
    title: String(r.title),
    firstSeen: Number(r.first_seen_ms),
    lastSeen: Number(r.last_seen_ms),
    providers: byCount(r.providers_json),
    entities: byCount(r.entities_json).slice(0, 12),
    articleCount: Number(r.article_count),
    heat: Number(r.heat),
    heatReasons: JSON.parse(String(r.heat_reasons_json)) as string[],
    heatTrend: r.heat_trend === 'rising' || r.heat_trend === 'cooling' ? r.heat_trend : 'steady',
    heatAt: textOrNull(r.heat_at),
    edited: { merge: Number(r.edited_merge) === 1, split: Number(r.edited_split) === 1 },
  };
}
