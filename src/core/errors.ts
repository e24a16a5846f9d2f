/**
 * The one catalogue of Heatwire error codes. Every failure a user can see carries one of these
 * codes; `docs/errors.md` documents each, and `errors.test.ts` fails when the two disagree.
 */
export const ERROR_CODES = {
  INPUT_EMPTY: { message: 'the input is empty', retryable: false, status: 400 },
  INPUT_TOO_LARGE: { message: 'the input is larger than the configured limit', retryable: false, status: 413 },
  INPUT_BINARY: { message: 'the input is binary, not text', retryable: false, status: 415 },
  INPUT_ENCODING: { message: 'the input is not valid UTF-8', retryable: false, status: 400 },
  INPUT_UNSUPPORTED: { message: 'the input is of a kind Heatwire cannot read', retryable: false, status: 415 },
  RECORD_YAML: { message: 'the front matter is not valid YAML', retryable: false, status: 400 },
  RECORD_UNCLOSED: { message: 'the front matter never closes with a --- line', retryable: false, status: 400 },
  RECORD_INVALID: { message: 'the record does not match the news-record schema', retryable: false, status: 422 },
  JSON_SYNTAX: { message: 'the JSON is not well-formed', retryable: false, status: 400 },
  TEXT_NO_ARTICLE: { message: 'no article text could be found', retryable: false, status: 422 },
  SECURED_TAMPERED: { message: 'the secured text failed authentication (tampered or wrong key)', retryable: false, status: 500 },
  SECURED_UNREADABLE: { message: 'the secured text was encrypted elsewhere and no key is held for it', retryable: false, status: 403 },
  KEY_MISSING: { message: 'the encryption key needed for this text is not available', retryable: false, status: 500 },
  KEY_INVALID: { message: 'the encryption key is not 32 bytes of base64 or hex', retryable: false, status: 500 },
  NOT_FOUND: { message: 'no such item', retryable: false, status: 404 },
  USAGE: { message: 'the command was used wrongly', retryable: false, status: 400 },
  STORE_FAILED: { message: 'the store could not complete the operation', retryable: true, status: 500 },
  FETCH_FAILED: { message: 'the resource could not be fetched', retryable: true, status: 502 },
  FETCH_BLOCKED: { message: 'the address is not allowed (SSRF guard or robots.txt)', retryable: false, status: 403 },
  FETCH_TOO_LARGE: { message: 'the response body exceeded the size cap', retryable: false, status: 502 },
  FETCH_TIMEOUT: { message: 'the request timed out', retryable: true, status: 504 },
  FEED_INVALID: { message: 'nothing could be recovered from the feed', retryable: false, status: 422 },
  EXTRACT_FAILED: { message: 'the page could not be turned into an article', retryable: false, status: 422 },
  IMAGE_REFUSED: { message: 'the image is not an allowed type or exceeds the image limits', retryable: false, status: 422 },
  INTERNAL: { message: 'an unexpected internal error', retryable: false, status: 500 },
} as const satisfies Record<string, { message: string; retryable: boolean; status: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A failure with a catalogue code, the input it concerns and, where known, the line. */
export class HeatwireError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly input: string | undefined;
  readonly line: number | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { input?: string; line?: number; cause?: unknown } = {},
  ) {
    const base = ERROR_CODES[code].message;
    super(detail ? `${base}: ${detail}` : base, { cause: options.cause });
    this.name = 'HeatwireError';
    this.code = code;
    this.retryable = ERROR_CODES[code].retryable;
    this.input = options.input;
    this.line = options.line;
  }

  /** "file.md:12: CODE the front matter …" — the form the CLI prints. */
  describe(): string {
    const where = this.input ? `${this.input}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.code} ${this.message}`;
  }
}

/** Wraps anything thrown into a HeatwireError, keeping the original as `cause`. */
export function toHeatwireError(err: unknown, input?: string): HeatwireError {
  if (err instanceof HeatwireError) {
    if (input && !err.input) return new HeatwireError(err.code, detailOf(err), { input, line: err.line, cause: err.cause });
    return err;
  }
  const message = err instanceof Error ? err.message : String(err);
  return new HeatwireError('INTERNAL', message, { input, cause: err });
}

function detailOf(err: HeatwireError): string | undefined {
  const base = ERROR_CODES[err.code].message;
  return err.message.startsWith(`${base}: `) ? err.message.slice(base.length + 2) : undefined;
}
