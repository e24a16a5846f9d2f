import { Hono } from 'hono';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { getStoryDetail, listHotStories, type Watchlist } from '../../services/stories.js';
import type { StoriesRepository } from '../../store/stories.js';

const ListQuery = z.object({
  topic: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * `/api/v1/stories` (hottest first at request time, `?topic=`, `?limit=`) and
 * `/api/v1/stories/:id` (a merged-away id answers with the surviving story). Stories carry
 * titles, URLs, providers and heat only — never article text.
 */
export function storiesRoutes(deps: { stories: StoriesRepository; now?: () => Date; watched?: Watchlist }): Hono {
  const api = new Hono();
  const now = deps.now ?? (() => new Date());
  api.get('/', async (c) => {
    const parsed = ListQuery.safeParse(c.req.query());
    if (!parsed.success)
      throw new HeatwireError(
        'USAGE',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    const { topic, limit } = parsed.data;
    return c.json({
      stories: await listHotStories(deps.stories, {
        now: now(),
        limit,
        ...(topic ? { topic } : {}),
        ...(deps.watched ? { watched: deps.watched } : {}),
      }),
    });
  });
  api.get('/:id', async (c) => {
    const story = await getStoryDetail(deps.stories, c.req.param('id'), now());
    if (!story) throw new HeatwireError('NOT_FOUND', `no story ${c.req.param('id')}`);
    return c.json(story);
  });
  return api;
}
