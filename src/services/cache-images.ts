import { toHeatwireError } from '../core/errors.js';
import { checkImage, DEFAULT_IMAGE_LIMITS, type ImageLimits } from '../images/check-image.js';
import type { ImageFiles } from '../images/image-files.js';
import { DEFAULT_IMAGE_RETRY, nextImageAttempt, type ImageRetryPolicy } from '../images/image-retry.js';
import { leadImageUrl } from '../images/lead-image-url.js';
import { FetchHttpError, type Fetcher } from '../ingest/fetcher/index.js';
import type { CachedImage, ImageStore, LeadImageCandidate } from '../store/images.js';
import type { ArticleWrite, UpsertOutcome } from '../store/store.js';

/** What caching lead images needs. */
export interface CacheImagesDeps {
  images: ImageStore;
  files: ImageFiles;
  /** The same polite fetcher as pages and feeds (SSRF guard, robots.txt, caps). */
  fetcher: Pick<Fetcher, 'fetch'>;
  now: () => Date;
  limits?: ImageLimits;
  retry?: ImageRetryPolicy;
  /** Image URLs fetched at once (the fetcher still limits each host). Default 4. */
  concurrency?: number;
  onProgress?: (progress: { done: number; total: number; url: string }) => void;
}

/** One image that could not be cached. */
export interface ImageFailure {
  url: string;
  articleIds: string[];
  code: string;
  reason: string;
  /** When it will be tried again; null when given up. */
  nextAttemptAt: string | null;
}

/** What a run did, per image URL. */
export interface CacheImagesSummary {
  /** Images fetched, checked and stored by this run. */
  cached: number;
  /** Articles linked to an image an earlier run (or another article) had already cached. */
  alreadyCached: number;
  /** URLs not tried: an earlier failure is backing off or was given up. */
  skipped: number;
  failed: ImageFailure[];
}

// RFC 9110 §12.5.1: the raster types we keep first; anything else only as a last resort, and
// refused after the magic-byte check anyway.
const ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.5';

/**
 * Caches the lead images of stored articles that lack one: `limit` articles, newest first.
 * Each image is fetched through the fetcher, checked (type by magic bytes, bytes, pixels), written
 * to `<dataDir>/images/<sha256>.<ext>` and recorded. A failure is recorded with its attempt count
 * and next attempt time and never stops the batch.
 */
export async function cacheLeadImages(deps: CacheImagesDeps, options: { limit?: number } = {}): Promise<CacheImagesSummary> {
  const candidates = await deps.images.listCandidates({ now: deps.now().toISOString(), limit: options.limit });
  return cacheCandidates(candidates, deps);
}

/**
 * An `IngestDeps.afterStore` hook: caches the lead images of the new and updated articles of each
 * stored batch (referenced `related` records are left for `heatwire images fetch`). Failures are
 * recorded on the images, not thrown, so ingestion goes on.
 */
export function cacheImagesAfterStore(
  deps: CacheImagesDeps,
): (writes: ArticleWrite[], outcomes: UpsertOutcome[]) => Promise<void> {
  return async (writes, outcomes) => {
    const candidates: LeadImageCandidate[] = [];
    writes.forEach((w, i) => {
      if (w.mode !== 'full' || outcomes[i] === 'duplicate') return;
      const url = leadImageUrl(w.record, w.extended);
      if (url) candidates.push({ articleId: w.id, url });
    });
    if (candidates.length) await cacheCandidates(candidates, deps);
  };
}

/** Caches a given list of (article, image URL) pairs; one fetch per distinct URL. */
export async function cacheCandidates(candidates: LeadImageCandidate[], deps: CacheImagesDeps): Promise<CacheImagesSummary> {
  const summary: CacheImagesSummary = { cached: 0, alreadyCached: 0, skipped: 0, failed: [] };
  const byUrl = new Map<string, string[]>();
  for (const c of candidates) byUrl.set(c.url, [...(byUrl.get(c.url) ?? []), c.articleId]);
  const jobs = [...byUrl];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [url, articleIds] = jobs[next++]!;
      await cacheOne(url, articleIds, deps, summary);
      done += 1;
      deps.onProgress?.({ done, total: jobs.length, url });
    }
  };
  const workers = Math.max(1, Math.min(deps.concurrency ?? 4, jobs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return summary;
}

async function cacheOne(url: string, articleIds: string[], deps: CacheImagesDeps, summary: CacheImagesSummary): Promise<void> {
  const now = deps.now();
  const state = await deps.images.getImage(url);
  if (state?.cached && (await deps.files.has(state.cached.sha256, state.cached.ext))) {
    await deps.images.linkArticles(url, articleIds);
    summary.alreadyCached += articleIds.length;
    return;
  }
  if (state && !state.cached && (state.nextAttemptAt === null || state.nextAttemptAt > now.toISOString())) {
    await deps.images.linkArticles(url, articleIds);
    summary.skipped += 1;
    return;
  }
  const limits = deps.limits ?? DEFAULT_IMAGE_LIMITS;
  try {
    const res = await deps.fetcher.fetch(url, { accept: ACCEPT, maxBytes: limits.maxBytes });
    const image = checkImage(res.body, limits, url);
    await deps.files.write(image.sha256, image.ext, res.body);
    await deps.images.recordCached(
      {
        sourceUrl: url,
        sha256: image.sha256,
        ext: image.ext,
        contentType: image.contentType,
        bytes: image.bytes,
        width: image.width,
        height: image.height,
        fetchedAt: deps.now().toISOString(),
      },
      articleIds,
    );
    summary.cached += 1;
  } catch (err) {
    const e = toHeatwireError(err, url);
    const attempts = (state?.attempts ?? 0) + 1;
    const retryAfterMs = err instanceof FetchHttpError ? err.retryAfterMs : undefined;
    const nextAttemptAt = nextImageAttempt(attempts, { retryable: e.retryable, retryAfterMs }, now, deps.retry ?? DEFAULT_IMAGE_RETRY);
    try {
      await deps.images.recordFailure(url, { error: `${e.code} ${e.message}`, nextAttemptAt }, articleIds, now.toISOString());
    } catch (storeErr) {
      // Even a failed bookkeeping write must not stop the other images of the batch.
      const s = toHeatwireError(storeErr, url);
      summary.failed.push({ url, articleIds, code: s.code, reason: s.message, nextAttemptAt: null });
      return;
    }
    summary.failed.push({ url, articleIds, code: e.code, reason: e.message, nextAttemptAt });
  }
}

/**
 * A `PresentOptions.cachedImage` lookup: every cached image loaded once (for an export), or only
 * those of the given source URLs (for one article or a page of them).
 *
 * @example
 * const cachedImage = await loadCachedImageLookup(images);
 * await exportArticles(store, { format: 'jsonl', write, cachedImage });
 */
export async function loadCachedImageLookup(
  images: Pick<ImageStore, 'allCached' | 'cachedByUrl'>,
  sourceUrls?: string[],
): Promise<(sourceUrl: string) => CachedImage | undefined> {
  const map = sourceUrls ? await images.cachedByUrl(sourceUrls) : await images.allCached();
  return (url) => map.get(url);
}
