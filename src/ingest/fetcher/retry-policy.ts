/**
 * Retry decisions for the fetcher: which statuses are worth another try, how long to wait
 * (exponential backoff with jitter), and what a server's Retry-After asks for. Pure.
 */

/** Statuses retried: 429 Too Many Requests (RFC 6585 §4) and 5xx except those that never heal. */
export function isRetryableStatus(status: number): boolean {
  if (status === 429 || status === 408) return true;
  // 501 Not Implemented and 505 HTTP Version Not Supported will say the same next time.
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

/**
 * Parses Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns the wait in
 * milliseconds from `nowMs` (0 for a date already past), or null when absent or malformed.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-date is IMF-fixdate (or the obsolete RFC 850 / asctime forms), all of which Date parses.
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** Parameters of the backoff curve. */
export interface BackoffOptions {
  /** Wait before the first retry, before jitter. */
  baseMs: number;
  /** Upper bound of any single wait. */
  maxMs: number;
  /** Uniform random in [0, 1): the jitter source, injected for determinism. */
  random: () => number;
}

/**
 * The wait before retry number `attempt` (0 for the first retry): base·2^attempt capped at
 * maxMs, then "equal jitter" — half fixed, half random — so that many clients that failed
 * together do not come back together, yet each still waits at least half the step.
 */
export function computeBackoff(attempt: number, options: BackoffOptions): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
