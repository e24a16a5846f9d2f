import { join } from 'node:path';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { resolveImageLimits } from '../../images/check-image.js';
import { createImageFiles, type ImageFiles } from '../../images/image-files.js';
import type { Fetcher } from '../../ingest/fetcher/index.js';
import { cacheImagesAfterStore, cacheLeadImages, type CacheImagesSummary } from '../../services/cache-images.js';
import type { AfterStoreHook } from '../../services/compose-after-store.js';
import { createConfiguredFetcher } from '../../services/read-web-inputs.js';
import { isHttpUrl } from '../../sources/canonical-feed-url.js';
import type { ImageStore } from '../../store/images.js';
import { SqliteImageStore } from '../../store/sqlite/images-repository.js';
import { openContext, type CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';

const positiveInt = z.coerce.number().int().positive();
const FetchFlagsSchema = z.object({
  limit: positiveInt.optional(),
  maxBytes: positiveInt.optional(),
  maxPixels: positiveInt.optional(),
  concurrency: positiveInt.max(32).optional(),
});

/** The image cache of a command context: the repository on the store's connection and `<dataDir>/images`. */
export function openImageCache(ctx: Pick<CommandContext, 'store' | 'config'>): { images: ImageStore; files: ImageFiles } {
  return { images: new SqliteImageStore(ctx.store.database), files: createImageFiles(join(ctx.config.dataDir, 'images')) };
}

/**
 * The lead-image `afterStore` hook of fetched articles (bare URL ingests, source polls): only
 * writes whose origin is an http(s) URL are considered, so ingesting files and folders never
 * reaches out to image hosts (their images wait for `heatwire images fetch`). Failures are
 * recorded on the images and never fail the batch.
 */
export function createImagesHook(ctx: Pick<CommandContext, 'store' | 'config'>, fetcher: Pick<Fetcher, 'fetch'>): AfterStoreHook {
  const cache = cacheImagesAfterStore({ ...openImageCache(ctx), fetcher, now: () => new Date() });
  return async (writes, outcomes) => {
    const fetched = writes.flatMap((w, i) => (isHttpUrl(w.origin) ? [i] : []));
    if (fetched.length) await cache(fetched.map((i) => writes[i]!), fetched.map((i) => outcomes[i]!));
  };
}

/**
 * `heatwire images fetch [--limit N] [--max-bytes N] [--max-pixels N] [--concurrency N]`:
 * caches the lead images of stored articles that lack one, newest first, with a progress bar
 * and a summary (cached, already cached, skipped while backing off, failed with reasons).
 */
export async function runImagesFetch(flags: unknown, global: GlobalOptions, io: CliIo): Promise<number> {
  const parsed = FetchFlagsSchema.safeParse(flags);
  if (!parsed.success) {
    throw new HeatwireError('USAGE', parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
  }
  const opts = parsed.data;
  const limits = resolveImageLimits({
    ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
    ...(opts.maxPixels ? { maxPixels: opts.maxPixels } : {}),
  });
  const ctx = await openContext(io, global);
  const fetcher = createConfiguredFetcher({ contactUrl: ctx.config.contactUrl, allowPrivate: ctx.config.allowPrivate, version: '0.1.0' });
  const progress = createProgress(io, !global.json, 'images');
  let summary: CacheImagesSummary;
  try {
    summary = await cacheLeadImages(
      {
        ...openImageCache(ctx),
        fetcher,
        now: () => new Date(),
        limits,
        concurrency: opts.concurrency,
        onProgress: (p) => progress.update(p.done, p.total, p.url),
      },
      { limit: opts.limit },
    );
  } finally {
    progress.stop();
    await fetcher.close();
    await ctx.close();
  }
  printSummary(summary, global.json === true, io);
  return summary.failed.length ? EXIT.SOME_FAILED : EXIT.OK;
}

function printSummary(summary: CacheImagesSummary, json: boolean, io: CliIo): void {
  if (json) {
    io.out(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
    return;
  }
  io.out(
    `images: ${summary.cached} cached, ${summary.alreadyCached} already cached, ` +
      `${summary.skipped} skipped (backing off or given up), ${summary.failed.length} failed\n`,
  );
  for (const f of summary.failed) {
    const retry = f.nextAttemptAt ? `retry after ${f.nextAttemptAt}` : 'given up';
    io.err(`failed: ${f.url}: ${f.code} ${f.reason} (${retry})\n`);
  }
}
