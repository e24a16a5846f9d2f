import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  type Inflate,
  type InflateRaw,
} from 'node:zlib';
import { HeatwireError } from '../../core/errors.js';

/** What {@link readBody} needs besides the stream. */
export interface ReadBodyOptions {
  /** Cap on the bytes received and, separately, on the bytes after decoding. */
  maxBytes: number;
  /** The Content-Encoding header value, e.g. `gzip` or `gzip, br`. */
  contentEncoding?: string;
  /** Keep the first `maxBytes` decoded bytes instead of failing (robots.txt, RFC 9309 §2.5). */
  truncate?: boolean;
  /** The URL, for error messages. */
  input: string;
}

/** The codings we ask for in Accept-Encoding and can decode. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Reads a response body as a stream, decoding Content-Encoding (RFC 9110 §8.4.1), and stops as
 * soon as either the wire bytes or the decoded bytes pass `maxBytes`: the stream is destroyed
 * (closing the connection), so a huge body or a zip bomb never sits in memory. Decoders run in
 * streaming mode and the cap is checked on every chunk they emit, so a bomb is cut off after at
 * most one decoder chunk past the cap. Throws FETCH_TOO_LARGE, or FETCH_FAILED on bad coding.
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { maxBytes, input } = options;
  const decoders = createDecoders(options.contentEncoding ?? '', input);
  const chunks: Buffer[] = [];
  let decoded = 0;
  let wire = 0;

  const wireCounter = new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      wire += chunk.length;
      if (wire > maxBytes && decoders.length > 0) {
        // With truncate, a compressed body this large still decodes to more than we keep.
        cb(options.truncate ? TRUNCATED : tooLarge(`more than ${maxBytes} bytes received`, input));
        return;
      }
      cb(null, chunk);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      const room = maxBytes - decoded;
      if (chunk.length > room) {
        if (options.truncate) {
          if (room > 0) chunks.push(chunk.subarray(0, room));
          decoded = maxBytes;
          cb(TRUNCATED);
          return;
        }
        cb(tooLarge(`body exceeds ${maxBytes} bytes${decoders.length ? ' after decoding' : ''}`, input));
        return;
      }
      decoded += chunk.length;
      chunks.push(chunk);
      cb();
    },
  });

  try {
    await pipeline([body, wireCounter, ...decoders, sink]);
  } catch (err) {
    if (err !== TRUNCATED) throw mapDecodeError(err, input);
  }
  return Buffer.concat(chunks);
}

/** Sentinel that stops the pipeline when `truncate` kept all it wants. */
const TRUNCATED = new Error('truncated');

function tooLarge(detail: string, input: string): HeatwireError {
  return new HeatwireError('FETCH_TOO_LARGE', detail, { input });
}

function mapDecodeError(err: unknown, input: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new HeatwireError('FETCH_FAILED', `the body could not be decoded (${code})`, {
      input,
      cause: err,
    });
  }
  if (typeof code === 'string' && code.startsWith('ERR_BROTLI')) {
    return new HeatwireError('FETCH_FAILED', `the body could not be decoded (${code})`, {
      input,
      cause: err,
    });
  }
  return err;
}

/** Decoders for a Content-Encoding list, in the order to apply them (reverse of encoding order). */
function createDecoders(contentEncoding: string, input: string): Transform[] {
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
    if (coding === 'br') return createBrotliDecompress();
    if (coding === 'deflate') return new DeflateDecoder();
    throw new HeatwireError('FETCH_FAILED', `unsupported Content-Encoding "${coding}"`, { input });
  });
}

/**
 * `deflate` is meant to be the zlib format (RFC 9110 §8.4.1.2 → RFC 1950), but some servers
 * send raw DEFLATE (RFC 1951). Peek at the first two bytes: a zlib header has CM=8 and the
 * 16-bit header is a multiple of 31 (RFC 1950 §2.2); otherwise decode as raw.
 */
class DeflateDecoder extends Transform {
  private inner: Inflate | InflateRaw | undefined;
  private pending = Buffer.alloc(0);

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (!this.inner) {
      this.pending = Buffer.concat([this.pending, chunk]);
      if (this.pending.length < 2) return cb();
      chunk = this.start();
    }
    (this.inner as Inflate | InflateRaw).write(chunk, () => cb());
  }

  override _flush(cb: TransformCallback): void {
    if (!this.inner) {
      if (this.pending.length === 0) return cb();
      this.inner = createInflateRaw();
      this.wire(this.inner);
      this.inner.write(this.pending);
    }
    this.inner.once('end', () => cb());
    this.inner.end();
  }

  override _destroy(err: Error | null, cb: (error: Error | null) => void): void {
    this.inner?.destroy();
    cb(err);
  }

  private start(): Buffer {
    const [b0 = 0, b1 = 0] = this.pending;
    const zlibHeader = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
    this.inner = zlibHeader ? createInflate() : createInflateRaw();
    this.wire(this.inner);
    const first = this.pending;
    this.pending = Buffer.alloc(0);
    return first;
  }

  private wire(inner: Inflate | InflateRaw): void {
    inner.on('data', (d: Buffer) => this.push(d));
    inner.once('error', (e) => this.destroy(e));
  }
}
