import { Agent } from 'undici';
import { describeZodError } from '../../core/record.js';
import { HeatwireError } from '../../core/errors.js';
import {
  FetchRequestSchema,
  resolveFetcherOptions,
  type FetchRequest,
  type FetcherOptions,
} from './fetcher-options.js';
import { buildFetchResult, FetchHttpError, type FetchResult } from './fetch-result.js';
import { createGuardedLookup } from './guarded-lookup.js';
import { HostScheduler, sleepUnlessAborted, type HostSlot } from './host-scheduler.js';
import { ACCEPT_ENCODING, readBody } from './read-body.js';
import { computeBackoff, isRetryableStatus, parseRetryAfter } from './retry-policy.js';
import { RobotsCache } from './robots-cache.js';
import {
  detailOf,
  discard,
  dropBody,
  isRetryableNetworkError,
  mapFetchError,
  sendRequest,
  type OpenResponse,
} from './send-request.js';
import { createSsrfGuard } from './ssrf-guard.js';
import { followLocation } from './follow-location.js';

/** The polite fetcher. */
export interface Fetcher {
  /**
   * GETs `url`: SSRF guard and robots.txt on every hop, per-host politeness, retries on
   * 429/5xx, size and time caps. Resolves on 2xx and 304; throws HeatwireError otherwise
   * (FETCH_FAILED — a FetchHttpError with `status` for HTTP errors — FETCH_BLOCKED,
   * FETCH_TOO_LARGE, FETCH_TIMEOUT; `input` is the requested URL).
   */
  fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

// RFC 9110 §15.4: the redirects that carry a Location to follow (300 and 304 do not).
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Mode {
  input: string;
  robots: boolean;
  retries: number;
  truncate: boolean;
  maxBytes: number;
  accept: string;
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
  /** robots.txt wants the status of any answer, not an error. */
  throwOnHttpError: boolean;
}

/** Stands in for the per-attempt deadline while no attempt is running. */
const NOT_ABORTED = new AbortController().signal;

type Outcome = FetchResult & { redirectsExceeded?: boolean };

/**
 * Creates the fetcher (undici Agent whose DNS lookup goes through the SSRF guard). Options are
 * validated with zod (USAGE on a bad value); `clock`, `resolve` and `random` are injectable.
 *
 * @example
 * const fetcher = createFetcher({ userAgent: buildUserAgent('0.1.0', 'https://example.org/bot') });
 * const page = await fetcher.fetch('https://example.org/feed.xml', { etag: previous.etag });
 * if (!page.notModified) parseFeed(page.body);
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const { settings, clock, resolve, random, robotsToken } = resolveFetcherOptions(options);
  const guard = createSsrfGuard(settings.allowPrivate);
  const agent = new Agent({
    connect: { timeout: settings.connectTimeoutMs, lookup: createGuardedLookup(guard, resolve) },
    headersTimeout: settings.readTimeoutMs,
    bodyTimeout: settings.readTimeoutMs,
  });
  const scheduler = new HostScheduler(clock, settings.perHostConcurrency, settings.politenessDelayMs);
  const robots = new RobotsCache({
    clock,
    token: robotsToken,
    ttlMs: settings.robotsTtlMs,
    errorTtlMs: settings.robotsErrorTtlMs,
    fetchRobots: async (robotsUrl) => {
      const out = await run(robotsUrl, {
        input: robotsUrl,
        robots: false,
        retries: 0,
        truncate: true,
        maxBytes: settings.robotsMaxBytes,
        accept: 'text/plain, */*;q=0.5',
        throwOnHttpError: false,
      });
      return { status: out.status, body: out.body, redirectsExceeded: out.redirectsExceeded };
    },
  });
  const backoff = { baseMs: settings.retryBaseMs, maxMs: settings.retryMaxMs, random };

  async function checkRobots(target: URL, input: string): Promise<void> {
    const verdict = await robots.check(target).catch((err: unknown) => {
      // The robots.txt request itself was refused (SSRF guard): report it against the caller's URL.
      if (err instanceof HeatwireError && err.input !== input) {
        throw new HeatwireError(err.code, detailOf(err), { input, cause: err });
      }
      throw err;
    });
    if (verdict.crawlDelayMs !== undefined) {
      scheduler.setHostDelay(target.hostname, Math.min(verdict.crawlDelayMs, settings.maxCrawlDelayMs));
    }
    // An unreachable robots.txt disallows for now (RFC 9309 §2.3.1.4), which is a retryable
    // failure, not a block: the scheduler should come back later.
    if (!verdict.allowed)
      throw new HeatwireError(verdict.temporary ? 'FETCH_FAILED' : 'FETCH_BLOCKED', verdict.reason, {
        input,
      });
  }

  function headersFor(mode: Mode): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': settings.userAgent,
      accept: mode.accept,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (mode.etag) headers['if-none-match'] = mode.etag;
    if (mode.lastModified) headers['if-modified-since'] = mode.lastModified;
    return headers;
  }

  /** A politeness or backoff wait; a caller abort during it is reported like any other abort. */
  async function waitFor<T>(wait: Promise<T>, mode: Mode): Promise<T> {
    try {
      return await wait;
    } catch (err) {
      throw mapFetchError(err, mode.input, settings, NOT_ABORTED, mode.signal);
    }
  }

  /** One URL, retried on 429/5xx and transient network errors; returns with the host slot held. */
  async function attempt(
    url: URL,
    mode: Mode,
  ): Promise<{ response: OpenResponse; slot: HostSlot; deadline: AbortSignal }> {
    for (let n = 0; ; n++) {
      const slot = await waitFor(scheduler.acquire(url.hostname, mode.signal), mode);
      const deadline = AbortSignal.timeout(settings.totalTimeoutMs);
      const signal = mode.signal ? AbortSignal.any([mode.signal, deadline]) : deadline;
      let response: OpenResponse;
      try {
        response = await sendRequest(agent, url, headersFor(mode), signal);
      } catch (err) {
        slot.release();
        const mapped = mapFetchError(err, mode.input, settings, deadline, mode.signal);
        if (n < mode.retries && mapped.code === 'FETCH_FAILED' && isRetryableNetworkError(err)) {
          await waitFor(sleepUnlessAborted(clock, computeBackoff(n, backoff), mode.signal), mode);
          continue;
        }
        throw mapped;
      }
      if (n >= mode.retries || !isRetryableStatus(response.status)) return { response, slot, deadline };
      const retryAfter = parseRetryAfter(response.headers['retry-after'], clock.now());
      await discard(response.body);
      slot.release();
      if (retryAfter !== null && retryAfter > settings.maxRetryAfterMs) {
        const detail = `HTTP ${response.status}; Retry-After ${Math.ceil(retryAfter / 1000)} s is beyond the ${Math.round(settings.maxRetryAfterMs / 1000)} s cap`;
        throw new FetchHttpError(response.status, mode.input, retryAfter, detail);
      }
      // Retry-After speaks for the whole host (RFC 9110 §10.2.3), so every request to it waits.
      if (retryAfter !== null) scheduler.deferHost(url.hostname, clock.now() + retryAfter);
      else await waitFor(sleepUnlessAborted(clock, computeBackoff(n, backoff), mode.signal), mode);
    }
  }

  async function run(url: string, mode: Mode): Promise<Outcome> {
    const started = clock.now();
    let current = guard.checkUrl(url);
    const redirects: string[] = [];
    let allPermanent = true;
    const seen = new Set([current.href]);
    for (;;) {
      if (mode.robots) await checkRobots(current, mode.input);
      const { response, slot, deadline } = await attempt(current, mode);
      const { status, headers } = response;
      try {
        if (REDIRECT_STATUSES.has(status) && headers.location) {
          await discard(response.body);
          if (redirects.length >= settings.maxRedirects) {
            if (!mode.throwOnHttpError)
              return outcome(status, current, redirects, headers, Buffer.alloc(0), mode, started, allPermanent, true);
            throw new HeatwireError(
              'FETCH_FAILED',
              `more than ${settings.maxRedirects} redirects (last ${current.href})`,
              { input: mode.input },
            );
          }
          const next = followLocation(guard, headers.location, current, mode.input);
          if (seen.has(next.href)) {
            throw new HeatwireError(
              'FETCH_FAILED',
              `redirect loop: ${current.href} → ${next.href} was visited before`,
              { input: mode.input },
            );
          }
          seen.add(next.href);
          redirects.push(current.href);
          if (status !== 301 && status !== 308) allPermanent = false;
          current = next;
          continue;
        }
        if (status === 304) {
          await discard(response.body);
          return outcome(status, current, redirects, headers, Buffer.alloc(0), mode, started, allPermanent);
        }
        if ((status >= 200 && status < 300) || !mode.throwOnHttpError) {
          const declared = Number(headers['content-length']);
          if (!mode.truncate && Number.isFinite(declared) && declared > mode.maxBytes) {
            response.body.destroy();
            throw new HeatwireError(
              'FETCH_TOO_LARGE',
              `Content-Length ${declared} exceeds the ${mode.maxBytes}-byte cap`,
              { input: mode.input },
            );
          }
          const body = await readBody(response.body, {
            maxBytes: mode.maxBytes,
            contentEncoding: headers['content-encoding'],
            truncate: mode.truncate,
            input: mode.input,
          });
          return outcome(status, current, redirects, headers, body, mode, started, allPermanent);
        }
        await discard(response.body);
        throw new FetchHttpError(
          status,
          mode.input,
          parseRetryAfter(headers['retry-after'], clock.now()) ?? undefined,
        );
      } catch (err) {
        dropBody(response.body);
        throw mapFetchError(err, mode.input, settings, deadline, mode.signal);
      } finally {
        slot.release();
      }
    }
  }

  function outcome(
    status: number,
    url: URL,
    redirects: string[],
    headers: Record<string, string>,
    body: Buffer,
    mode: Mode,
    started: number,
    /** Every redirect hop was 301/308. */
    allPermanent: boolean,
    redirectsExceeded?: boolean,
  ): Outcome {
    const result = buildFetchResult({
      status,
      url: url.href,
      redirects,
      ...(redirects.length && allPermanent ? { movedTo: url.href } : {}),
      headers,
      body,
      sent: mode,
      durationMs: clock.now() - started,
    });
    return redirectsExceeded ? { ...result, redirectsExceeded } : result;
  }

  return {
    async fetch(url, request = {}) {
      const parsed = FetchRequestSchema.safeParse(request);
      if (!parsed.success)
        throw new HeatwireError('USAGE', `fetch options: ${describeZodError(parsed.error)}`, { input: url });
      const req = parsed.data;
      const { redirectsExceeded: _, ...result } = await run(url, {
        input: url,
        robots: true,
        retries: settings.retries,
        truncate: false,
        maxBytes: req.maxBytes ?? settings.maxBytes,
        accept: req.accept ?? '*/*',
        etag: req.etag,
        lastModified: req.lastModified,
        signal: req.signal,
        throwOnHttpError: true,
      });
      return result;
    },
    close: () => agent.close(),
  };
}
