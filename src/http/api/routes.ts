import { Hono } from 'hono';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import type { Store } from '../../store/store.js';

const ListQuery = z.object({
  topic: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const SearchQuery = z.object({ q: z.string().default(''), limit: z.coerce.number().int().min(1).max(200).default(20) });

/**
 * The read-only JSON API of this stage (DESIGN.md §7): articles, one article, topics, search.
 * Full text is never served here: records go out with their metadata and excerpt only.
 */
export function apiRoutes(deps: { store: Store }): Hono {
  const api = new Hono();
  api.get('/articles', async (c) => {
    const q = parse(ListQuery, c.req.query());
    const rows = await deps.store.listArticles(q);
    return c.json({ articles: rows.map(summary) });
  });
  api.get('/articles/:id', async (c) => {
    const row = await deps.store.getArticle(c.req.param('id'));
    if (!row) throw new HeatwireError('NOT_FOUND', `no article ${c.req.param('id')}`);
    const { secured: _s, ...record } = row.record;
    return c.json({ ...summary(row), record });
  });
  api.get('/topics', async (c) => c.json({ topics: await deps.store.listTopics() }));
  api.get('/search', async (c) => {
    const q = parse(SearchQuery, c.req.query());
    return c.json({ query: q.q, hits: await deps.store.search(q.q, { limit: q.limit }) });
  });
  return api;
}

function summary(row: Awaited<ReturnType<Store['getArticle']>> & object) {
  return {
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    publishedDateTime: row.publishedAt,
    webUrl: row.canonicalUrl,
    provider: row.record.provider ?? null,
    topics: row.topics,
  };
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new HeatwireError('USAGE', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}
