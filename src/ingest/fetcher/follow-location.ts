import { HeatwireError } from '../../core/errors.js';
import { detailOf } from './send-request.js';
import type { SsrfGuard } from './ssrf-guard.js';

/**
 * The next hop of a redirect: `location` resolved against the current URL (RFC 9110 §10.2.2
 * allows relative references), then checked by the SSRF guard. A refusal names both ends of the
 * redirect; `input` is the URL the caller asked for.
 */
export function followLocation(guard: SsrfGuard, location: string, from: URL, input: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch (cause) {
    throw new HeatwireError('FETCH_FAILED', `redirect to an invalid URL: ${location}`, { input, cause });
  }
  try {
    return guard.checkUrl(next);
  } catch (err) {
    if (!(err instanceof HeatwireError)) throw err;
    const detail = `redirect from ${from.href} to ${next.href}: ${detailOf(err) ?? err.message}`;
    throw new HeatwireError(err.code, detail, { input, cause: err });
  }
}
