import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redirectTo, startFixtureServer, type FixtureServer } from '../../../test/support/fixture-server.js';
import {
  makeTestFetcher,
  rejectionOf,
  TEST_USER_AGENT,
} from '../../../test/fixtures/fetcher/test-fetcher.js';
import { createFetcher } from './create-fetcher.js';
import { FetchHttpError } from './fetch-result.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('createFetcher: plain GET', () => {
  it('returns status, headers, body, media type and charset, and sends our headers', async () => {
    server.route('/story', {
      headers: {
        'content-type': 'text/html; Charset="ISO-8859-9"',
        etag: '"e1"',
        'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT',
      },
      body: '<p>Bir haber</p>',
    });
    const { fetcher } = makeTestFetcher();
    const res = await fetcher.fetch(server.url('/story'), { accept: 'text/html' });
    expect(res.status).toBe(200);
    expect(res.url).toBe(server.url('/story'));
    expect(res.redirects).toEqual([]);
    expect(res.body.toString()).toBe('<p>Bir haber</p>');
    expect(res.contentType).toBe('text/html');
    expect(res.charset).toBe('iso-8859-9');
    expect(res.etag).toBe('"e1"');
    expect(res.lastModified).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
    expect(res.notModified).toBe(false);
    const seen = server.requests.find((r) => r.path === '/story');
    expect(seen?.headers['user-agent']).toBe(TEST_USER_AGENT);
    expect(seen?.headers.accept).toBe('text/html');
    expect(seen?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen?.headers['if-none-match']).toBeUndefined();
    await fetcher.close();
  });

  it('throws FetchHttpError with the status on 404 and does not retry it', async () => {
    server.route('/gone', { status: 404, body: 'no' });
    const { fetcher } = makeTestFetcher({ retries: 3 });
    const err = await rejectionOf(fetcher.fetch(server.url('/gone')));
    expect(err).toBeInstanceOf(FetchHttpError);
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.status).toBe(404);
    expect(err.retryable).toBe(false);
    expect(err.input).toBe(server.url('/gone'));
    expect(server.hits('/gone')).toBe(1);
    await fetcher.close();
  });

  it('rejects bad options and bad URLs with catalogue codes', async () => {
    expect(() => createFetcher({ userAgent: 'curl/8' })).toThrow(/userAgent/);
    expect(() => createFetcher({ userAgent: TEST_USER_AGENT, perHostConcurrency: 0 })).toThrow(
      /perHostConcurrency/,
    );
    const { fetcher } = makeTestFetcher();
    expect((await rejectionOf(fetcher.fetch('not a url'))).code).toBe('FETCH_FAILED');
    expect((await rejectionOf(fetcher.fetch(server.url('/x'), { maxBytes: -1 }))).code).toBe('USAGE');
    await fetcher.close();
  });
});

describe('conditional GET', () => {
  beforeAll(() => {
    server.route('/feed', (req, res) => {
      if (
        req.headers['if-none-match'] === '"v7"' ||
        req.headers['if-modified-since'] === 'Tue, 31 Dec 2024 10:00:00 GMT'
      ) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, {
        etag: '"v7"',
        'last-modified': 'Tue, 31 Dec 2024 10:00:00 GMT',
        'content-type': 'application/rss+xml',
      });
      res.end('<rss/>');
    });
  });

  it('sends If-None-Match and reports notModified on 304, keeping the validators', async () => {
    const { fetcher } = makeTestFetcher();
    const first = await fetcher.fetch(server.url('/feed'));
    expect(first.status).toBe(200);
    const second = await fetcher.fetch(server.url('/feed'), {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second.status).toBe(304);
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
    expect(second.etag).toBe('"v7"');
    expect(second.lastModified).toBe('Tue, 31 Dec 2024 10:00:00 GMT');
    const sent = server.requests.filter((r) => r.path === '/feed').at(-1);
    expect(sent?.headers['if-none-match']).toBe('"v7"');
    expect(sent?.headers['if-modified-since']).toBe('Tue, 31 Dec 2024 10:00:00 GMT');
    await fetcher.close();
  });

  it('sends If-Modified-Since alone when there is no ETag', async () => {
    const { fetcher } = makeTestFetcher();
    const res = await fetcher.fetch(server.url('/feed'), { lastModified: 'Tue, 31 Dec 2024 10:00:00 GMT' });
    expect(res.notModified).toBe(true);
    expect(res.etag).toBeUndefined();
    await fetcher.close();
  });
});

describe('redirects', () => {
  beforeAll(() => {
    for (let i = 1; i <= 6; i++)
      server.route(`/hop${i}`, redirectTo(`/hop${i + 1}`, [301, 302, 303, 307, 308][i % 5]));
    server.route('/hop7', { body: 'arrived' });
    server.route('/loop-a', redirectTo('/loop-b'));
    server.route('/loop-b', redirectTo('/loop-a'));
    server.route('/dir/rel', redirectTo('../landing?x=1'));
    server.route('/landing', { body: 'relative ok' });
    server.route('/to-file', redirectTo('file:///etc/passwd'));
  });

  it('follows a chain of five and lists every hop', async () => {
    const { fetcher } = makeTestFetcher();
    const res = await fetcher.fetch(server.url('/hop2'));
    expect(res.body.toString()).toBe('arrived');
    expect(res.url).toBe(server.url('/hop7'));
    expect(res.redirects).toEqual([2, 3, 4, 5, 6].map((i) => server.url(`/hop${i}`)));
    await fetcher.close();
  });

  it('refuses a sixth redirect', async () => {
    const { fetcher } = makeTestFetcher();
    const err = await rejectionOf(fetcher.fetch(server.url('/hop1')));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/more than 5 redirects/);
    expect(err.input).toBe(server.url('/hop1'));
    expect(server.hits('/hop7')).toBe(0);
    await fetcher.close();
  });

  it('honours a lower maxRedirects', async () => {
    const { fetcher } = makeTestFetcher({ maxRedirects: 1 });
    expect((await rejectionOf(fetcher.fetch(server.url('/hop5')))).message).toMatch(/more than 1 redirects/);
    await fetcher.close();
  });

  it('stops a redirect loop at the first repeat', async () => {
    const { fetcher } = makeTestFetcher();
    const err = await rejectionOf(fetcher.fetch(server.url('/loop-a')));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/redirect loop/);
    expect(server.hits('/loop-a')).toBe(1);
    expect(server.hits('/loop-b')).toBe(1);
    await fetcher.close();
  });

  it('resolves a relative Location against the current URL', async () => {
    const { fetcher } = makeTestFetcher();
    const res = await fetcher.fetch(server.url('/dir/rel'));
    expect(res.url).toBe(server.url('/landing?x=1'));
    expect(res.body.toString()).toBe('relative ok');
    await fetcher.close();
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const { fetcher } = makeTestFetcher();
    const err = await rejectionOf(fetcher.fetch(server.url('/to-file')));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.message).toMatch(/scheme file:/);
    await fetcher.close();
  });
});
