import { z } from 'zod';
import { describeZodError } from '../../core/record.js';
import { HeatwireError } from '../../core/errors.js';
import { systemClock, type Clock } from './host-scheduler.js';
import { resolveWithDns, type Resolve } from './guarded-lookup.js';

/**
 * `Heatwire/<version> (+<contact URL>)`: product token, version, and a URL where site owners
 * learn who we are (the convention of well-behaved crawlers; RFC 9309 §2.2.1 matches the token).
 */
const USER_AGENT_RE = /^([A-Za-z0-9._-]+)\/[^\s/]+ \(\+https?:\/\/[^\s)]+\)$/;

/** Builds the User-Agent string from the version and the operator's contact URL. */
export function buildUserAgent(version: string, contactUrl: string): string {
  return `Heatwire/${version} (+${contactUrl})`;
}

const ms = (def: number) => z.number().int().nonnegative().default(def);

/** The fetcher's settings (validated; defaults as in docs/fetcher.md). */
export const FetcherSettingsSchema = z.object({
  userAgent: z
    .string()
    .regex(USER_AGENT_RE, 'userAgent must look like "Heatwire/<version> (+<contact URL>)"'),
  perHostConcurrency: z.number().int().min(1).max(64).default(2),
  politenessDelayMs: ms(1000),
  connectTimeoutMs: z.number().int().positive().default(10_000),
  /** Idle timeout: no response headers, or no body bytes, for this long. */
  readTimeoutMs: z.number().int().positive().default(30_000),
  /** Whole-request deadline per attempt (a slow drip under the idle timeout still ends). */
  totalTimeoutMs: z.number().int().positive().default(120_000),
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** Retries after the first attempt on 429/5xx and connection errors. */
  retries: z.number().int().min(0).max(10).default(2),
  retryBaseMs: ms(1000),
  retryMaxMs: ms(60_000),
  /** A Retry-After longer than this is not waited for: the fetch fails (retryable) instead. */
  maxRetryAfterMs: ms(120_000),
  /** Crawl-delay from robots.txt is honoured up to this gap between requests to one host. */
  maxCrawlDelayMs: ms(60_000),
  robotsTtlMs: ms(24 * 3600 * 1000),
  robotsErrorTtlMs: ms(10 * 60 * 1000),
  /** robots.txt is read up to this size; the rest is ignored (RFC 9309 §2.5 asks for ≥ 500 KiB). */
  robotsMaxBytes: z
    .number()
    .int()
    .positive()
    .default(512 * 1024),
  /** CIDRs, addresses or host names (`.suffix` for subdomains) the SSRF guard lets through. */
  allowPrivate: z.array(z.string().min(1)).default([]),
});

/** Validated settings. */
export type FetcherSettings = z.infer<typeof FetcherSettingsSchema>;

/** Options of createFetcher: the settings plus injected ports. */
export type FetcherOptions = z.input<typeof FetcherSettingsSchema> & {
  /** Time source and sleeper (default: the real clock). */
  clock?: Clock;
  /** DNS lookup (default: node:dns via getaddrinfo). */
  resolve?: Resolve;
  /** Uniform random in [0, 1) for backoff jitter (default Math.random). */
  random?: () => number;
};

/** Settings and ports after validation. */
export interface ResolvedFetcherOptions {
  settings: FetcherSettings;
  clock: Clock;
  resolve: Resolve;
  random: () => number;
  /** Product token used for robots.txt groups (`Heatwire`). */
  robotsToken: string;
}

/** Validates options (USAGE on a bad value) and fills defaults. */
export function resolveFetcherOptions(options: FetcherOptions): ResolvedFetcherOptions {
  const { clock, resolve, random, ...rest } = options;
  const parsed = FetcherSettingsSchema.safeParse(rest);
  if (!parsed.success) {
    throw new HeatwireError('USAGE', `fetcher options: ${describeZodError(parsed.error)}`);
  }
  const robotsToken = USER_AGENT_RE.exec(parsed.data.userAgent)?.[1] ?? 'Heatwire';
  return {
    settings: parsed.data,
    clock: clock ?? systemClock,
    resolve: resolve ?? resolveWithDns,
    random: random ?? Math.random,
    robotsToken,
  };
}

/** Per-request options. */
export const FetchRequestSchema = z.object({
  /** The ETag from the last fetch: sent as If-None-Match (RFC 9110 §13.1.2). */
  etag: z.string().optional(),
  /** The Last-Modified from the last fetch: sent as If-Modified-Since (RFC 9110 §13.1.3). */
  lastModified: z.string().optional(),
  /** Accept header (default `*\/*`). */
  accept: z.string().optional(),
  /** Lower (or raise) the size cap for this request. */
  maxBytes: z.number().int().positive().optional(),
  signal: z.instanceof(AbortSignal).optional(),
});

/** Per-request options. */
export type FetchRequest = z.infer<typeof FetchRequestSchema>;
