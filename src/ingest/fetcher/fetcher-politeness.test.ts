import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sequence, startFixtureServer, type FixtureServer } from '../../../test/support/fixture-server.js';
import { createFakeClock, type FakeClock } from '../../../test/fixtures/fetcher/fake-clock.js';
import { makeTestFetcher, rejectionOf } from '../../../test/fixtures/fetcher/test-fetcher.js';
import { FetchHttpError } from './fetch-result.js';
import { systemClock } from './host-scheduler.js';

let server: FixtureServer;
let clock: FakeClock;

const ROBOTS = [
  'User-agent: *',
  'Disallow: /',
  '',
  '# our group wins over *',
  'User-agent: heatwire',
  'Allow: /news/',
  'Disallow: /news/drafts',
  'Disallow: /*.pdf$',
  'Crawl-delay: 3',
].join('\n');

beforeAll(async () => {
  // Requests are stamped with the current test's fake clock, so gaps are measured in virtual time.
  server = await startFixtureServer({}, { now: () => clock.now() });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  clock = createFakeClock();
  server.reset();
  server.route('/robots.txt', { status: 404 });
  server.route('/page', { body: 'ok' });
});

/** Paths requested at `host`, with virtual arrival times. */
function arrivals(path: string): number[] {
  return server.requests.filter((r) => r.path === path).map((r) => r.at);
}

describe('robots.txt', () => {
  it('applies our group: Allow/Disallow, longest match, * and $', async () => {
    server.route('/robots.txt', { body: ROBOTS });
    for (const p of ['/news/a', '/news/drafts/b', '/news/report.pdf', '/news/report.pdf?x=1', '/other'])
      server.route(p, { body: p });
    const { fetcher } = makeTestFetcher({}, clock);
    expect((await fetcher.fetch(server.url('/news/a'))).body.toString()).toBe('/news/a');
    expect((await fetcher.fetch(server.url('/news/report.pdf?x=1'))).status).toBe(200);
    // Only the `*` group disallows /other, and that group is not ours.
    expect((await fetcher.fetch(server.url('/other'))).status).toBe(200);
    for (const p of ['/news/drafts/b', '/news/report.pdf']) {
      const err = await rejectionOf(fetcher.fetch(server.url(p)));
      expect(err.code, p).toBe('FETCH_BLOCKED');
      expect(err.message).toMatch(/robots\.txt .* disallows/);
      expect(
        server.requests.filter((r) => r.path === p),
        `${p} must not be requested`,
      ).toHaveLength(0);
    }
    expect(server.hits('/robots.txt')).toBe(1); // fetched once, then cached
    await fetcher.close();
  });

  it('treats 4xx as allow-all and 5xx as disallow-all until the error TTL passes', async () => {
    const { fetcher } = makeTestFetcher({ robotsErrorTtlMs: 60_000 }, clock);
    expect((await fetcher.fetch(server.url('/page'))).status).toBe(200);

    server.route('/robots.txt', sequence({ status: 503 }, { body: 'User-agent: *\nAllow: /' }));
    const host = `http://down.test:${server.port}`;
    const err = await rejectionOf(fetcher.fetch(`${host}/page`));
    // Disallowed for now, reported as a retryable failure rather than a block.
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/unreachable \(HTTP 503\)/);
    expect(server.hits('/page')).toBe(1);
    // Still cached as unreachable: no new robots request.
    expect((await rejectionOf(fetcher.fetch(`${host}/page`))).code).toBe('FETCH_FAILED');
    expect(server.hits('/robots.txt')).toBe(2);
    clock.advance(61_000);
    expect((await fetcher.fetch(`${host}/page`)).status).toBe(200);
    await fetcher.close();
  });

  it('re-fetches after the TTL and keeps the last good copy when the server then fails', async () => {
    server.route('/robots.txt', sequence({ body: 'User-agent: *\nDisallow: /secret' }, { status: 500 }));
    server.route('/secret', { body: 'x' });
    const { fetcher } = makeTestFetcher({ robotsTtlMs: 3_600_000 }, clock);
    const host = `http://ttl.test:${server.port}`;
    await fetcher.fetch(`${host}/page`);
    clock.advance(3_600_001);
    // The refresh gets a 500: the rules of an hour ago still apply (RFC 9309 §2.3.1.4).
    expect((await fetcher.fetch(`${host}/page`)).status).toBe(200);
    expect((await rejectionOf(fetcher.fetch(`${host}/secret`))).code).toBe('FETCH_BLOCKED');
    expect(server.hits('/robots.txt')).toBe(2);
    await fetcher.close();
  });

  it('checks robots.txt of every redirect target', async () => {
    server.route('/robots.txt', (req, res) => {
      const closed = req.headers.host?.startsWith('closed.test');
      res.writeHead(200, { 'content-type': 'text/plain' }).end(closed ? 'User-agent: *\nDisallow: /' : '');
    });
    server.route('/jump', { status: 301, headers: { location: `http://closed.test:${server.port}/page` } });
    const { fetcher } = makeTestFetcher({}, clock);
    const err = await rejectionOf(fetcher.fetch(`http://open.test:${server.port}/jump`));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.message).toMatch(/closed\.test/);
    expect(server.hits('/page')).toBe(0);
    await fetcher.close();
  });
});

describe('politeness', () => {
  it('keeps the politeness gap between requests to one host, on the injected clock', async () => {
    const { fetcher } = makeTestFetcher({ politenessDelayMs: 1000 }, clock);
    const host = `http://gap.test:${server.port}`;
    for (let i = 0; i < 4; i++) await fetcher.fetch(`${host}/page`);
    const times = server.requests.map((r) => r.at);
    expect(times).toHaveLength(5); // robots.txt + 4 pages
    // Back to back, each request waits exactly the gap (virtual time: no real waiting).
    expect(times.map((t) => t - times[0]!)).toEqual([0, 1000, 2000, 3000, 4000]);
    await fetcher.close();
  });

  it('spaces concurrent requests too (real clock, short gap)', async () => {
    const real = await startFixtureServer({ '/page': { body: 'ok' } }, { now: () => performance.now() });
    const { fetcher } = makeTestFetcher({
      politenessDelayMs: 100,
      perHostConcurrency: 4,
      clock: systemClock,
    });
    await Promise.all([1, 2, 3, 4].map(() => fetcher.fetch(real.url('/page'))));
    const times = real.requests.map((r) => r.at);
    expect(times).toHaveLength(5);
    // The gap separates the moments requests are sent; arrival adds connection-setup noise,
    // so check the span (4 gaps) and that no two arrived together.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(4 * 100 - 60);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(40);
    await fetcher.close();
    await real.close();
  });

  it('reports a caller abort during the politeness wait as FETCH_FAILED', async () => {
    const { fetcher } = makeTestFetcher({ politenessDelayMs: 60_000 }, clock);
    await fetcher.fetch(server.url('/page')); // the next start is a (virtual) minute away
    const err = await rejectionOf(
      fetcher.fetch(server.url('/page'), { signal: AbortSignal.abort(new Error('user left')) }),
    );
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/aborted by the caller/);
    expect(err.input).toBe(server.url('/page'));
    await fetcher.close();
  });

  it('raises the gap to the robots.txt Crawl-delay of our group', async () => {
    server.route('/robots.txt', { body: ROBOTS });
    server.route('/news/x', { body: 'x' });
    const { fetcher } = makeTestFetcher({ politenessDelayMs: 500 }, clock);
    const host = `http://slow.test:${server.port}`;
    for (let i = 0; i < 3; i++) await fetcher.fetch(`${host}/news/x`);
    const pages = arrivals('/news/x');
    expect(pages).toHaveLength(3);
    expect(pages[1]! - pages[0]!).toBe(3000);
    expect(pages[2]! - pages[1]!).toBe(3000);
    await fetcher.close();
  });

  it('holds at most perHostConcurrency requests in flight per host, but runs hosts in parallel', async () => {
    server.route('/held', { delayMs: 60, body: 'ok' });
    const { fetcher } = makeTestFetcher({ perHostConcurrency: 2 }, clock);
    const one = `http://one.test:${server.port}`;
    await fetcher.fetch(`${one}/robots.txt`).catch(() => undefined); // warm the robots cache
    server.reset();
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => fetcher.fetch(`${one}/held`)));
    expect(server.maxInFlight).toBe(2);

    server.reset();
    const two = `http://two.test:${server.port}`;
    const three = `http://three.test:${server.port}`;
    await Promise.all([two, three, two, three, two, three].map((h) => fetcher.fetch(`${h}/held`)));
    expect(server.maxInFlight).toBeGreaterThanOrEqual(3);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    await fetcher.close();
  });
});

describe('retries', () => {
  it('waits what Retry-After (seconds) asks, then retries', async () => {
    server.route('/busy', sequence({ status: 429, headers: { 'retry-after': '7' } }, { body: 'done' }));
    const { fetcher } = makeTestFetcher({}, clock);
    const res = await fetcher.fetch(server.url('/busy'));
    expect(res.body.toString()).toBe('done');
    const [first, second] = arrivals('/busy');
    expect(second! - first!).toBe(7000);
    expect(clock.sleeps).toContain(7000);
    await fetcher.close();
  });

  it('understands Retry-After as an HTTP-date', async () => {
    const at = new Date(clock.now() + 30_000).toUTCString();
    server.route('/busy-date', sequence({ status: 503, headers: { 'retry-after': at } }, { body: 'done' }));
    const { fetcher } = makeTestFetcher({}, clock);
    await fetcher.fetch(server.url('/busy-date'));
    const [first, second] = arrivals('/busy-date');
    expect(second! - first!).toBe(30_000);
    await fetcher.close();
  });

  it('gives up at once when Retry-After is beyond the cap, reporting it', async () => {
    server.route('/busy-long', { status: 429, headers: { 'retry-after': '3600' } });
    const { fetcher } = makeTestFetcher({ maxRetryAfterMs: 60_000 }, clock);
    const err = await rejectionOf(fetcher.fetch(server.url('/busy-long')));
    expect(err).toBeInstanceOf(FetchHttpError);
    expect(err.status).toBe(429);
    expect(err.retryAfterMs).toBe(3_600_000);
    expect(err.retryable).toBe(true);
    expect(server.hits('/busy-long')).toBe(1);
    await fetcher.close();
  });

  it('backs off exponentially with jitter on 5xx', async () => {
    server.route('/flaky', sequence({ status: 503 }, { status: 502 }, { status: 500 }, { body: 'finally' }));
    const { fetcher } = makeTestFetcher({ retries: 3, retryBaseMs: 1000, random: () => 0.5 }, clock);
    const res = await fetcher.fetch(server.url('/flaky'));
    expect(res.body.toString()).toBe('finally');
    expect(server.hits('/flaky')).toBe(4);
    // Equal jitter at r = 0.5: step/2 + step/4 for steps 1 s, 2 s, 4 s.
    expect(clock.sleeps).toEqual([750, 1500, 3000]);
    const flaky = arrivals('/flaky');
    expect(flaky.map((t) => t - flaky[0]!)).toEqual([0, 750, 2250, 5250]);
    const { clock: c2, fetcher: f2 } = makeTestFetcher(
      { retries: 2, retryBaseMs: 1000, random: () => 0 },
      createFakeClock(),
    );
    server.route('/down', { status: 503 });
    const err = await rejectionOf(f2.fetch(server.url('/down')));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.status).toBe(503);
    expect(server.hits('/down')).toBe(3);
    expect(c2.sleeps).toEqual([500, 1000]);
    await fetcher.close();
    await f2.close();
  });

  it('retries a connection the server drops, then succeeds', async () => {
    const drop = (req: { socket: { destroy(): void } }): void => req.socket.destroy();
    server.route('/dropper', sequence(drop, drop, { body: 'third time' }));
    const { fetcher, clock: c } = makeTestFetcher(
      { retries: 2, retryBaseMs: 100, random: () => 1 },
      createFakeClock(),
    );
    expect((await fetcher.fetch(server.url('/dropper'))).body.toString()).toBe('third time');
    expect(server.hits('/dropper')).toBe(3);
    expect(c.sleeps).toEqual([100, 200]);
    await fetcher.close();
  });

  it('reports a host that refuses connections as a retryable FETCH_FAILED', async () => {
    const dead = await startFixtureServer();
    const url = dead.url('/x');
    await dead.close();
    const { fetcher } = makeTestFetcher({ retries: 0 }, createFakeClock());
    const err = await rejectionOf(fetcher.fetch(url));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/ECONNREFUSED/);
    await fetcher.close();
  });
});
