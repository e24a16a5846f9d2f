/**
 * The polite fetcher (DESIGN.md §3 "fetch", §8): HTTP GET with an SSRF guard, robots.txt,
 * per-host politeness, retries, caps; plus the adaptive polling helper.
 */
export { createFetcher, type Fetcher } from './create-fetcher.js';
export {
  buildUserAgent,
  type FetcherOptions,
  type FetchRequest,
  type FetcherSettings,
} from './fetcher-options.js';
export { FetchHttpError, type FetchResult } from './fetch-result.js';
export { classifyAddress, createSsrfGuard, parseAllowList, type SsrfGuard } from './ssrf-guard.js';
export { resolveWithDns, type Resolve, type ResolvedAddress } from './guarded-lookup.js';
export { systemClock, type Clock } from './host-scheduler.js';
export { nextPollDelay, type PollState } from './next-poll-delay.js';
export { parseRetryAfter, computeBackoff, isRetryableStatus } from './retry-policy.js';
