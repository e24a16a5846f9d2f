import { request, type Dispatcher } from 'undici';
import { ERROR_CODES, HeatwireError } from '../../core/errors.js';

/** A response whose body has not been read yet. */
export interface OpenResponse {
  status: number;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
}

/** Timeouts, for error messages. */
export interface TimeoutSettings {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  totalTimeoutMs: number;
}

/**
 * One GET through the guarded dispatcher, redirects not followed (the caller re-checks each
 * hop). `signal` combines the caller's signal and the per-attempt deadline; its abort also stops
 * the body stream later.
 */
export async function sendRequest(
  dispatcher: Dispatcher,
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<OpenResponse> {
  const res = await request(url, { method: 'GET', dispatcher, headers, signal });
  return { status: res.statusCode, headers: flattenHeaders(res.headers), body: res.body };
}

/** undici's header object → lower-case names, one string each (RFC 9110 §5.3 list join). */
export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    // Set-Cookie cannot be joined with commas (RFC 6265 §3) and a fetcher has no use for it.
    if (name.toLowerCase() === 'set-cookie') continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** True for network failures another attempt may cure (reset, refused, DNS try-again). */
export function isRetryableNetworkError(err: unknown): boolean {
  const code = errorCode(err) ?? errorCode((err as { cause?: unknown }).cause);
  return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/**
 * Maps anything undici, node:net or the guard threw to the catalogue: FETCH_TIMEOUT for the
 * three timeouts and the deadline, FETCH_BLOCKED passes through (from the guarded lookup),
 * everything else FETCH_FAILED — always with the URL as `input`.
 */
export function mapFetchError(
  err: unknown,
  input: string,
  timeouts: TimeoutSettings,
  deadline: AbortSignal,
  callerSignal?: AbortSignal,
): HeatwireError {
  const found = findHeatwireError(err);
  if (found) {
    if (found.input === input) return found;
    return new HeatwireError(found.code, detailOf(found), { input, cause: found.cause ?? found });
  }
  const code = errorCode(err);
  const opts = { input, cause: err };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new HeatwireError('FETCH_TIMEOUT', `no connection within ${timeouts.connectTimeoutMs} ms`, opts);
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new HeatwireError(
      'FETCH_TIMEOUT',
      `no response headers within ${timeouts.readTimeoutMs} ms`,
      opts,
    );
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new HeatwireError('FETCH_TIMEOUT', `the body stalled for ${timeouts.readTimeoutMs} ms`, opts);
  }
  if (deadline.aborted && !callerSignal?.aborted) {
    return new HeatwireError('FETCH_TIMEOUT', `not complete within ${timeouts.totalTimeoutMs} ms`, opts);
  }
  if (callerSignal?.aborted) {
    const reason: unknown = callerSignal.reason;
    if (reason instanceof Error && reason.name === 'TimeoutError') {
      return new HeatwireError('FETCH_TIMEOUT', 'the caller’s deadline passed', opts);
    }
    return new HeatwireError('FETCH_FAILED', 'aborted by the caller', opts);
  }
  const message = err instanceof Error ? err.message : String(err);
  const causeCode = errorCode((err as { cause?: unknown }).cause);
  return new HeatwireError('FETCH_FAILED', causeCode ? `${message} (${causeCode})` : message, opts);
}

function findHeatwireError(err: unknown): HeatwireError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof HeatwireError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The detail part of a HeatwireError's message (without the catalogue text), for re-wrapping. */
export function detailOf(err: HeatwireError): string | undefined {
  const prefix = `${ERROR_CODES[err.code].message}: `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : undefined;
}

/** Closes a body we will not read; its abort error has nowhere to go, so it is swallowed here. */
export function dropBody(body: OpenResponse['body']): void {
  if (body.destroyed) return;
  body.on('error', () => undefined);
  body.destroy();
}

/** Reads and drops a small body so the connection can be reused; a big one just closes it. */
export async function discard(body: OpenResponse['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // The response is being thrown away; a broken body changes nothing.
  }
}
