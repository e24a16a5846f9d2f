/** How failed image fetches are retried: a few times, further apart each time, then never. */
export interface ImageRetryPolicy {
  /** Attempts before giving up for good. */
  maxAttempts: number;
  /** Wait after the first failure, ms; doubled per further failure. */
  baseDelayMs: number;
  /** Longest wait between attempts, ms. */
  maxDelayMs: number;
}

/** 5 attempts: 1 h, 2 h, 4 h, 8 h apart, then given up. */
export const DEFAULT_IMAGE_RETRY: ImageRetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 3600_000,
  maxDelayMs: 7 * 24 * 3600_000,
};

/**
 * When to try an image again after its `attempts`-th failure, or null to give up: after
 * `maxAttempts`, or at once when the failure cannot change by waiting (a refused type, a 404).
 * A server's Retry-After, when longer, wins (RFC 9110 §10.2.3).
 */
export function nextImageAttempt(
  attempts: number,
  failure: { retryable: boolean; retryAfterMs?: number },
  now: Date,
  policy: ImageRetryPolicy = DEFAULT_IMAGE_RETRY,
): string | null {
  if (!failure.retryable || attempts >= policy.maxAttempts) return null;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const wait = Math.max(backoff, Math.min(failure.retryAfterMs ?? 0, policy.maxDelayMs));
  return new Date(now.getTime() + wait).toISOString();
}
