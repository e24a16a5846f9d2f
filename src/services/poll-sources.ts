import { toHeatwireError } from '../core/errors.js';
import { FetchHttpError, type Fetcher } from '../ingest/fetcher/index.js';
import { scheduleAfterFailure, scheduleAfterSuccess } from '../sources/schedule-next-check.js';
import { canonicalFeedUrl } from '../sources/canonical-feed-url.js';
import { canonicalizeUrl } from '../normalise/index.js';
import { prepareArticle } from '../pipeline/prepare-article.js';
import type { Source, SourceStore } from '../store/sources.js';
import type { Store } from '../store/store.js';
import { fetchSourceItems, type FetchSourceDeps, type PageFailure } from './fetch-source-items.js';
import type { IngestFailure } from './ingest.js';
import { ingestItems, type IngestItemsDeps } from './ingest-items.js';

/** Everything polling needs: the ingest path, the sources repository, the fetcher, the dice. */
export interface PollSourcesDeps extends IngestItemsDeps {
  sources: SourceStore;
  fetcher: Fetcher;
  /** Uniform random in [0, 1) for the jitter of next checks (default Math.random). */
  random?: () => number;
  extract?: FetchSourceDeps['extract'];
  /** Sources polled at once (default 4); the fetcher still limits requests per host. */
  concurrency?: number;
  /** Aborting stops the polls in flight; an aborted poll is not recorded as a failure. */
  signal?: AbortSignal;
  /** Called as each source finishes (for progress), with how many are done of how many. */
  onSourceDone?: (report: SourcePollReport, done: number, total: number) => void;
}

/** The outcome of polling one source, as `sources check` prints it. */
export interface SourcePollReport {
  id: number;
  feedUrl: string;
  title: string | null;
  status: 'changed' | 'unchanged' | 'not-modified' | 'failed';
  new: number;
  updated: number;
  duplicate: number;
  pagesFetched: number;
  /** Teaser pages that could not be fetched (their teasers were stored). */
  pageFailures: PageFailure[];
  /** Items that could not be stored. */
  itemFailures: IngestFailure[];
  /** Why the poll failed (status `failed`); recorded on the source as `last_error`. */
  error?: { code: string; message: string };
  nextCheckAt: string;
}

/**
 * Polls one source and records the outcome on it (issue 3 §2, §7): fetch + parse + teaser pages
 * (fetchSourceItems), store the items (ingestItems), then the next check — adaptive after a
 * success (scheduleAfterSuccess), exponential backoff after a failure (scheduleAfterFailure) —
 * with the validators and error counters. Never throws for a source failure: it is recorded and
 * reported. Rethrows only when `signal` aborted.
 */
export async function pollSource(source: Source, deps: PollSourcesDeps): Promise<SourcePollReport> {
  const random = deps.random ?? Math.random;
  const report: SourcePollReport = {
    id: source.id,
    feedUrl: source.feedUrl,
    title: source.title,
    status: 'unchanged',
    new: 0,
    updated: 0,
    duplicate: 0,
    pagesFetched: 0,
    pageFailures: [],
    itemFailures: [],
    nextCheckAt: source.nextCheckAt,
  };
  try {
    const fetched = await fetchSourceItems(source, {
      fetcher: deps.fetcher,
      now: deps.now,
      ...(deps.extract ? { extract: deps.extract } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
      findStored: (link) => findStoredArticle(deps.store, link),
      contentHashOf: (item) => prepareArticle(item, { ring: deps.ring })[0]?.contentHash ?? '',
    });
    const stored = await ingestItems(fetched.items, deps);
    Object.assign(report, { new: stored.new, updated: stored.updated, duplicate: stored.duplicate + fetched.known });
    report.itemFailures = stored.failed;
    report.pagesFetched = fetched.pagesFetched;
    report.pageFailures = fetched.pageFailures;
    const changed = stored.new + stored.updated > 0;
    report.status = fetched.notModified ? 'not-modified' : changed ? 'changed' : 'unchanged';
    const now = deps.now();
    const updated = await deps.sources.recordPoll(source.id, {
      ok: true,
      checkedAt: now.toISOString(),
      nextCheckAt: scheduleAfterSuccess(source, changed, now, random).toISOString(),
      changed,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      title: fetched.feed?.title || null,
      siteUrl: fetched.feed?.link ?? null,
      ...(fetched.movedTo ? { movedTo: canonicalFeedUrl(fetched.movedTo) } : {}),
    });
    report.title = updated.title;
    report.nextCheckAt = updated.nextCheckAt;
  } catch (err) {
    if (deps.signal?.aborted) throw err;
    const e = toHeatwireError(err, source.feedUrl);
    report.status = 'failed';
    report.error = { code: e.code, message: e.message };
    const now = deps.now();
    const retryAfterMs = e instanceof FetchHttpError ? e.retryAfterMs : undefined;
    const nextCheckAt = scheduleAfterFailure(source, source.consecutiveFailures + 1, now, random, retryAfterMs);
    try {
      const updated = await deps.sources.recordPoll(source.id, {
        ok: false,
        checkedAt: now.toISOString(),
        nextCheckAt: nextCheckAt.toISOString(),
        error: `${e.code} ${e.message}`,
      });
      report.nextCheckAt = updated.nextCheckAt;
    } catch (recordErr) {
      // The source was removed while it was being polled: nothing left to record on.
      report.error.message += ` (not recorded: ${toHeatwireError(recordErr).message})`;
    }
  }
  return report;
}

/**
 * The stored article a feed link reaches (by its canonical URL), with the time it was last
 * updated according to its record (updatedDateTime, else publishedDateTime).
 */
export async function findStoredArticle(
  store: Pick<Store, 'findIdByUrl' | 'getArticle'>,
  link: string,
): Promise<{ updatedAt: string | null; contentHash: string } | null> {
  const url = canonicalizeUrl(link);
  const id = url ? await store.findIdByUrl(url) : null;
  const row = id ? await store.getArticle(id) : null;
  if (!row) return null;
  return { updatedAt: row.record.updatedDateTime ?? row.record.publishedDateTime ?? null, contentHash: row.contentHash };
}

/**
 * Polls many sources with bounded concurrency; one failing source never stops the others.
 * Reports come back in the order of `sources`.
 */
export async function pollSources(sources: readonly Source[], deps: PollSourcesDeps): Promise<SourcePollReport[]> {
  const reports: SourcePollReport[] = new Array(sources.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < sources.length && !deps.signal?.aborted) {
      const index = next++;
      const report = await pollSource(sources[index] as Source, deps);
      reports[index] = report;
      done += 1;
      deps.onSourceDone?.(report, done, sources.length);
    }
  };
  const width = Math.min(Math.max(1, deps.concurrency ?? 4), Math.max(1, sources.length));
  await Promise.all(Array.from({ length: width }, worker));
  return reports.filter((r): r is SourcePollReport => r !== undefined);
}
