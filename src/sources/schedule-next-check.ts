import { nextPollDelay } from '../ingest/fetcher/index.js';
import type { Source } from '../store/sources.js';

/** Longest backoff after failures: a source failing for days is still tried once a day. */
export const MAX_BACKOFF_MS = 24 * 3600 * 1000;
/** ± share of a backoff added as jitter, so sources that failed together do not retry together. */
const JITTER = 0.1;
const MINUTE_MS = 60_000;

/**
 * When to poll a source again after a successful poll: adaptive (nextPollDelay) — right after
 * a change, `minPollMinutes`; each poll that found nothing stretches the delay 1.5×, up to
 * `maxPollMinutes`. Pure; `random` injected.
 */
export function scheduleAfterSuccess(
  source: Pick<Source, 'settings' | 'consecutiveUnchanged'>,
  changed: boolean,
  now: Date,
  random: () => number,
): Date {
  const delay = nextPollDelay({
    lastChanged: changed,
    // The poll being recorded counts: one more quiet poll than the stored streak.
    consecutiveUnchanged: changed ? 0 : source.consecutiveUnchanged + 1,
    errorCount: 0,
    minMs: source.settings.minPollMinutes * MINUTE_MS,
    maxMs: source.settings.maxPollMinutes * MINUTE_MS,
    random,
  });
  return new Date(now.getTime() + delay);
}

/**
 * When to poll a source again after its n-th failure in a row (n ≥ 1):
 * `min(24 h, minPoll × 2^n) ± 10 %`, and never sooner than the server's Retry-After
 * (RFC 9110 §10.2.3), itself capped at 24 h. The source is never dropped. Pure.
 *
 * @example minPoll 15 min: 30 min, 1 h, 2 h, 4 h, 8 h, 16 h, 24 h, 24 h…
 */
export function scheduleAfterFailure(
  source: Pick<Source, 'settings'>,
  failuresInARow: number,
  now: Date,
  random: () => number,
  retryAfterMs?: number,
): Date {
  const minMs = source.settings.minPollMinutes * MINUTE_MS;
  const exponent = Math.min(Math.max(failuresInARow, 1), 40);
  const base = Math.min(MAX_BACKOFF_MS, minMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  let delay = Math.min(MAX_BACKOFF_MS, base * (1 - JITTER + 2 * JITTER * r));
  if (retryAfterMs !== undefined && retryAfterMs > delay) delay = Math.min(MAX_BACKOFF_MS, retryAfterMs);
  return new Date(now.getTime() + Math.round(Math.max(minMs, delay)));
}
