import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { ERROR_CODES, HeatwireError } from '../core/errors.js';
import type { ImageStore } from '../store/images.js';
import type { Store } from '../store/store.js';
import type { StoriesRepository } from '../store/stories.js';
import { apiRoutes } from './api/routes.js';
import { storiesRoutes } from './api/stories.js';
import type { Watchlist } from '../services/stories.js';
import { imagesRoute, type ImageRouteDeps } from './images-route.js';
import { homePage } from './web/home-page.js';

export interface AppDeps {
  store: Store;
  /**
   * The lead-image cache; without it `/images/…` is a 404 and no article shows an image (the
   * publisher's image URL is never used in its place).
   */
  images?: ImageRouteDeps & { images: Pick<ImageStore, 'findBySha256' | 'cachedByUrl' | 'allCached'> };
  /** Stories (dedup, clustering, heat); without it `/api/v1/stories` is a 404. */
  stories?: StoriesRepository;
  /** People and organisations the desk watches (config): their stories run hotter. */
  watched?: Watchlist;
}

/**
 * Builds the HTTP app (no listen: `main.ts` does that, tests use `app.request()`).
 * Every response carries a strict CSP: no scripts at all on these pages, styles inline only.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/api/v1', apiRoutes({ store: deps.store, ...(deps.images ? { imageCache: deps.images.images } : {}) }));
  if (deps.stories)
    app.route('/api/v1/stories', storiesRoutes({ stories: deps.stories, ...(deps.watched ? { watched: deps.watched } : {}) }));
  if (deps.images) app.route('/images', imagesRoute(deps.images));
  const homeStories = deps.stories ? { repo: deps.stories, ...(deps.watched ? { watched: deps.watched } : {}) } : undefined;
  app.get('/', async (c) =>
    c.html(await homePage(deps.store, c.req.query('q') ?? '', c.req.query('topic') ?? '', deps.images?.images, homeStories)),
  );
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    const e = err instanceof HeatwireError ? err : new HeatwireError('INTERNAL', err.message);
    return c.json({ error: { code: e.code, message: e.message } }, ERROR_CODES[e.code].status as 500);
  });
  return app;
}
