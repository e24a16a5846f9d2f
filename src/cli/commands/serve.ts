import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { createApp, type AppDeps } from '../../http/app.js';
import { createEnricher, enrichPathsOf } from '../../services/enrich-deps.js';
import { sampleCorpusPath } from '../../services/package-root.js';
import { loadSampleCorpus } from '../../services/load-sample.js';
import { startSourcePolling } from '../../services/start-source-polling.js';
import { openContext, type CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { createWebIngestDeps } from './sources.js';
import { composeAfterStore } from '../../services/compose-after-store.js';
import { SqliteStoriesRepository } from '../../store/sqlite/stories-repository.js';
import { createStoriesHook } from './stories.js';
import { createImagesHook, openImageCache } from './images.js';

/**
 * `heatwire serve`: the web UI and API. On first start (an empty store) it loads the bundled
 * sample corpus so a new user sees something at once, unless `--no-sample` / HEATWIRE_SAMPLE=0.
 * It also runs the source polling scheduler (docs/sources.md) unless `--no-poll`.
 */
export async function runServe(
  flags: { host?: string; port?: string; sample?: boolean; poll?: boolean },
  global: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const ctx = await openContext(io, global, {
    ...(flags.host ? { host: flags.host } : {}),
    ...(flags.port ? { port: Number(flags.port) } : {}),
    ...(flags.sample === false ? { sample: false } : {}),
  });
  const { config, store } = ctx;
  if (config.loadSample && (await store.countArticles()) === 0 && existsSync(sampleCorpusPath())) {
    io.err('empty store: loading the bundled sample corpus…\n');
    const progress = createProgress(io, true, 'articles');
    const summary = await loadSampleCorpus(
      sampleCorpusPath(),
      {
        store,
        ring: ctx.ring,
        now: () => new Date(),
        enrich: createEnricher(enrichPathsOf(ctx.config)),
        afterStore: composeAfterStore(createStoriesHook(ctx)),
      },
      new Date(),
      (done, total) => progress.update(done, total, 'sample'),
    );
    progress.stop();
    io.err(`sample corpus: ${summary.new} articles stored\n`);
  }
  const app = createApp(createServeAppDeps(ctx));
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    io.err(`Heatwire is serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/ (data: ${config.db})\n`);
  });
  const web = createWebIngestDeps(ctx);
  const polling =
    flags.poll === false
      ? null
      : startSourcePolling({
          ...web,
          store,
          ring: ctx.ring,
          now: () => new Date(),
          enrich: createEnricher(enrichPathsOf(ctx.config)),
          // Stories first (same database), then the slower polite fetches of new lead images.
          afterStore: composeAfterStore(createStoriesHook(ctx), createImagesHook(ctx, web.fetcher)),
          onReport: (r) => {
            if (r.status === 'failed') io.err(`source #${r.id} ${r.feedUrl}: ${r.error?.code ?? ''} ${r.error?.message ?? ''}\n`);
          },
          onError: (err) => io.err(`polling: ${String(err)}\n`),
        });
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Stop polling before the store closes: polls in flight are aborted, none writes afterwards.
  await polling?.stop();
  await web.close();
  await ctx.close();
  return EXIT.OK;
}

/** What `serve` gives the HTTP app: the store, stories, and the lead-image cache (`/images/…`). */
export function createServeAppDeps(ctx: Pick<CommandContext, 'store' | 'config'>): AppDeps {
  return {
    store: ctx.store,
    stories: new SqliteStoriesRepository(ctx.store.database),
    images: openImageCache(ctx),
    watched: ctx.config.watch,
  };
}
