import { HeatwireError } from '../../core/errors.js';

/** The outcome of one successful fetch (2xx, or 304 for a conditional request). */
export interface FetchResult {
  /** Final HTTP status (2xx or 304). */
  status: number;
  /** The final URL, after redirects. */
  url: string;
  /** Every URL that answered with a redirect, in order (the requested URL first); empty if none. */
  redirects: string[];
  /**
   * The final URL when every redirect was permanent (301 or 308, RFC 9110 §15.4.2 and §15.4.9):
   * the resource has moved and a caller that stores the URL should store this one instead.
   */
  movedTo?: string;
  /** Response headers, names in lower case, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The decoded body (Content-Encoding removed); empty on 304. */
  body: Buffer;
  /** Media type from Content-Type, lower case, without parameters; "" when absent. */
  contentType: string;
  /** The charset parameter of Content-Type, lower case, when present. */
  charset?: string;
  /** ETag to send next time (the request's own when a 304 carried none). */
  etag?: string;
  /** Last-Modified to send next time (likewise). */
  lastModified?: string;
  /** True on 304 Not Modified: the caller's copy is current. */
  notModified: boolean;
  /** Time from the call to the result on the injected clock, waits and retries included. */
  durationMs: number;
}

/**
 * FETCH_FAILED for an HTTP error status (4xx, or 429/5xx once retries are spent), carrying the
 * status so a caller can tell 404/410 (stop polling) from 503 (try later). `retryable` follows
 * the status: 408, 429 and 5xx are worth a later try; other 4xx are not.
 */
export class FetchHttpError extends HeatwireError {
  override readonly retryable: boolean;

  constructor(
    readonly status: number,
    input: string,
    /** The server's Retry-After, in ms, when it sent one. */
    readonly retryAfterMs?: number,
    detail?: string,
  ) {
    super('FETCH_FAILED', detail ?? `HTTP ${status}`, { input });
    this.retryable = status === 408 || status === 429 || status >= 500;
  }
}

/** Media type (lower case, no parameters; "" when absent) and charset of a Content-Type value. */
export function parseContentType(value: string | undefined): { contentType: string; charset?: string } {
  const [mediaType = '', ...params] = (value ?? '').split(';');
  const charsetParam = params.map((p) => p.trim()).find((p) => /^charset=/i.test(p));
  // RFC 9110 §8.3.1: parameter values may be quoted; charset names are case-insensitive.
  const charset = charsetParam?.slice('charset='.length).trim().replace(/^"|"$/g, '').trim().toLowerCase();
  return { contentType: mediaType.trim().toLowerCase(), ...(charset ? { charset } : {}) };
}

/** Assembles a FetchResult from the final response. */
export function buildFetchResult(parts: {
  status: number;
  url: string;
  redirects: string[];
  movedTo?: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The validators the request carried. */
  sent: { etag?: string; lastModified?: string };
  durationMs: number;
}): FetchResult {
  const { status, headers } = parts;
  // A 304 may omit validators (RFC 9110 §15.4.5): keep the ones the caller sent.
  const etag = headers.etag ?? (status === 304 ? parts.sent.etag : undefined);
  const lastModified = headers['last-modified'] ?? (status === 304 ? parts.sent.lastModified : undefined);
  return {
    status,
    url: parts.url,
    redirects: parts.redirects,
    ...(parts.movedTo ? { movedTo: parts.movedTo } : {}),
    headers,
    body: parts.body,
    ...parseContentType(headers['content-type']),
    ...(etag !== undefined ? { etag } : {}),
    ...(lastModified !== undefined ? { lastModified } : {}),
    notModified: status === 304,
    durationMs: parts.durationMs,
  };
}
