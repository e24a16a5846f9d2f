import { Hono } from 'hono';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { markCachedImages } from '../../images/mark-cached-images.js';
import { loadCachedImageLookup } from '../../services/cache-images.js';
import type { ImageStore } from '../../store/images.js';
import type { ArticleRow, Store } from '../../store/store.js';
import { loadLeadImages, type LeadImage } from '../load-lead-images.js';

const ListQuery = z.object({
  topic: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const SearchQuery = z.object({ q: z.string().default(''), limit: z.coerce.number().int().min(1).max(200).default(20) });

/** What the JSON API reads: the store, and the lead-image cache when there is one. */
export interface ApiDeps {
  store: Store;
  /** Without it no article has a `leadImage` and no record image is marked cached. */
  imageCache?: Pick<ImageStore, 'cachedByUrl' | 'allCached'>;
}

/**
 * The read-only JSON API of this stage (DESIGN.md §7): articles, one article, topics, search.
 * Full text is never served here: records go out with their metadata and excerpt only.
 * `leadImage` is Heatwire's cached copy (`/images/<sha256>.<ext>`) or null: the publisher's image
 * URL is never offered for display, so clients that follow the API load no third-party tracker.
 */
export function apiRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  api.get('/articles', async (c) => {
    const q = parse(ListQuery, c.req.query());
    const rows = await deps.store.listArticles(q);
    const leads = await loadLeadImages(deps.imageCache, rows);
    return c.json({ articles: rows.map((row) => summary(row, leads.get(row.id))) });
  });
  api.get('/articles/:id', async (c) => {
    const row = await deps.store.getArticle(c.req.param('id'));
    if (!row) throw new HeatwireError('NOT_FOUND', `no article ${c.req.param('id')}`);
    const { secured: _s, ...record } = row.record;
    const leads = await loadLeadImages(deps.imageCache, [row]);
    // The record stays data as it came (its image URLs are the publisher's); cached ones say so.
    if (deps.imageCache && record.images?.length) {
      const lookup = await loadCachedImageLookup(deps.imageCache, record.images.map((i) => i.url));
      const marked = markCachedImages(record.images, lookup);
      if (marked) record.images = marked.images;
    }
    return c.json({ ...summary(row, leads.get(row.id)), record });
  });
  api.get('/topics', async (c) => c.json({ topics: await deps.store.listTopics() }));
  api.get('/search', async (c) => {
    const q = parse(SearchQuery, c.req.query());
    return c.json({ query: q.q, hits: await deps.store.search(q.q, { limit: q.limit }) });
  });
  return api;
}

function summary(row: ArticleRow, leadImage: LeadImage | undefined) {
  return {
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    publishedDateTime: row.publishedAt,
    webUrl: row.canonicalUrl,
    provider: row.record.provider ?? null,
    topics: row.topics,
    leadImage: leadImage ?? null,
  };
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new HeatwireError('USAGE', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}
