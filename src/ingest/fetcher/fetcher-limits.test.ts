import {
  brotliCompressSync,
  constants as zlibConstants,
  deflateRawSync,
  deflateSync,
  gzipSync,
} from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hang, startFixtureServer, type FixtureServer } from '../../../test/support/fixture-server.js';
import { makeTestFetcher, rejectionOf } from '../../../test/fixtures/fetcher/test-fetcher.js';

const MB = 1024 * 1024;
let server: FixtureServer;
/** What the endless route managed to write before the client hung up. */
const endless = { written: 0, closedEarly: false };

beforeAll(async () => {
  server = await startFixtureServer({
    '/slow-headers': hang(),
    '/stalled-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('the first few bytes, then nothing');
    },
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 40);
      res.once('close', () => clearInterval(timer));
    },
    '/declared-huge': (_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * MB) });
      res.write(Buffer.alloc(1024));
    },
    // Chunked, no Content-Length, 64 MB unless the client hangs up; respects backpressure.
    '/endless': async (_req, res) => {
      endless.written = 0;
      endless.closedEarly = false;
      res.once('close', () => {
        if (!res.writableFinished) endless.closedEarly = true;
      });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      while (endless.written < 64 * MB && !res.destroyed) {
        endless.written += chunk.length;
        if (!res.write(chunk)) await drainOrClose(res);
      }
      res.end();
    },
  });
});
function drainOrClose(res: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.removeListener('drain', done);
      res.removeListener('close', done);
      resolve();
    };
    res.once('drain', done).once('close', done);
  });
}

afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('size caps', () => {
  it('refuses early when Content-Length is above the cap', async () => {
    const { fetcher } = makeTestFetcher({ maxBytes: MB });
    const err = await rejectionOf(fetcher.fetch(server.url('/declared-huge')));
    expect(err.code).toBe('FETCH_TOO_LARGE');
    expect(err.message).toMatch(/Content-Length 52428800/);
    await fetcher.close();
  });

  it('aborts a streamed body as soon as it passes the cap, closing the connection', async () => {
    const { fetcher } = makeTestFetcher({ maxBytes: MB });
    const err = await rejectionOf(fetcher.fetch(server.url('/endless')));
    expect(err.code).toBe('FETCH_TOO_LARGE');
    expect(err.input).toBe(server.url('/endless'));
    await expect.poll(() => endless.closedEarly).toBe(true);
    // Socket buffers let the server run ahead a little, but nowhere near the 64 MB it offered.
    expect(endless.written).toBeLessThan(16 * MB);
    await fetcher.close();
  });

  it('lets a per-request maxBytes override the default', async () => {
    server.route('/kilo', { body: 'x'.repeat(2048) });
    const { fetcher } = makeTestFetcher();
    expect((await rejectionOf(fetcher.fetch(server.url('/kilo'), { maxBytes: 1000 }))).code).toBe(
      'FETCH_TOO_LARGE',
    );
    expect((await fetcher.fetch(server.url('/kilo'), { maxBytes: 4096 })).body.length).toBe(2048);
    await fetcher.close();
  });
});

describe('content codings', () => {
  const text = 'Haber metni, sıkıştırılmış olarak gelir. '.repeat(50);
  const raw = Buffer.from(text);

  it.each([
    ['gzip', gzipSync(raw)],
    ['x-gzip', gzipSync(raw)],
    ['deflate', deflateSync(raw)],
    ['deflate', deflateRawSync(raw)],
    ['br', brotliCompressSync(raw)],
    ['gzip, br', brotliCompressSync(gzipSync(raw))],
    ['identity', raw],
  ])('decodes %s', async (coding, body) => {
    server.route('/coded', { headers: { 'content-encoding': coding }, body });
    const { fetcher } = makeTestFetcher();
    const res = await fetcher.fetch(server.url('/coded'));
    expect(res.body.toString()).toBe(text);
    await fetcher.close();
  });

  it('fails cleanly on a corrupt or unknown coding', async () => {
    const { fetcher } = makeTestFetcher();
    server.route('/corrupt', {
      headers: { 'content-encoding': 'gzip' },
      body: Buffer.from('definitely not gzip'),
    });
    const corrupt = await rejectionOf(fetcher.fetch(server.url('/corrupt')));
    expect(corrupt.code).toBe('FETCH_FAILED');
    expect(corrupt.message).toMatch(/could not be decoded/);
    server.route('/zstd', { headers: { 'content-encoding': 'zstd' }, body: raw });
    expect((await rejectionOf(fetcher.fetch(server.url('/zstd')))).message).toMatch(
      /unsupported Content-Encoding "zstd"/,
    );
    await fetcher.close();
  });

  it.each([
    // Level 1 keeps the test fast; 24 MB of zeros still fits in well under 1 MB on the wire.
    ['gzip', () => gzipSync(Buffer.alloc(24 * MB), { level: 1 })],
    ['deflate', () => deflateSync(Buffer.alloc(24 * MB), { level: 1 })],
    [
      'br',
      () =>
        brotliCompressSync(Buffer.alloc(24 * MB), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } }),
    ],
  ])('stops a %s bomb at the decoded-size cap', async (coding, make) => {
    const bomb = make();
    expect(bomb.length).toBeLessThan(MB); // small on the wire: only the decoded cap can catch it
    server.route('/bomb', { headers: { 'content-encoding': coding }, body: bomb });
    const { fetcher } = makeTestFetcher({ maxBytes: MB });
    const started = performance.now();
    const err = await rejectionOf(fetcher.fetch(server.url('/bomb')));
    expect(err.code).toBe('FETCH_TOO_LARGE');
    expect(err.message).toMatch(/after decoding/);
    expect(performance.now() - started).toBeLessThan(5000);
    await fetcher.close();
  });
});

describe('timeouts (real, short)', () => {
  it('gives up when the response headers do not come', async () => {
    const { fetcher } = makeTestFetcher({ readTimeoutMs: 150 });
    const started = performance.now();
    const err = await rejectionOf(fetcher.fetch(server.url('/slow-headers')));
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(err.message).toMatch(/no response headers within 150 ms/);
    expect(err.input).toBe(server.url('/slow-headers'));
    expect(performance.now() - started).toBeLessThan(3000);
    await fetcher.close();
  });

  it('gives up when the body stalls', async () => {
    const { fetcher } = makeTestFetcher({ readTimeoutMs: 150 });
    const err = await rejectionOf(fetcher.fetch(server.url('/stalled-body')));
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(err.message).toMatch(/body stalled for 150 ms/);
    await fetcher.close();
  });

  it('ends a slow drip with the total deadline even though it is never idle', async () => {
    const { fetcher } = makeTestFetcher({ readTimeoutMs: 1000, totalTimeoutMs: 300 });
    const err = await rejectionOf(fetcher.fetch(server.url('/drip')));
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(err.message).toMatch(/not complete within 300 ms/);
    await fetcher.close();
  });

  it('reports a caller abort as FETCH_FAILED, a caller deadline as FETCH_TIMEOUT', async () => {
    const { fetcher } = makeTestFetcher({ readTimeoutMs: 5000 });
    const controller = new AbortController();
    const pending = fetcher.fetch(server.url('/slow-headers'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const aborted = await rejectionOf(pending);
    expect(aborted.code).toBe('FETCH_FAILED');
    expect(aborted.message).toMatch(/aborted by the caller/);
    const timedOut = await rejectionOf(
      fetcher.fetch(server.url('/slow-headers'), { signal: AbortSignal.timeout(80) }),
    );
    expect(timedOut.code).toBe('FETCH_TIMEOUT');
    await fetcher.close();
  });
});
