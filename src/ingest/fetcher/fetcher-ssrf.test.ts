import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redirectTo, startFixtureServer, type FixtureServer } from '../../../test/support/fixture-server.js';
import { makeTestFetcher, rejectionOf, testResolve } from '../../../test/fixtures/fetcher/test-fetcher.js';
import type { Resolve } from './guarded-lookup.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({
    '/page': { body: 'reached' },
    '/to-metadata': redirectTo('http://169.254.169.254/latest/meta-data'),
    '/to-metadata-v6': redirectTo('http://[fd00:ec2::254]/latest/meta-data'),
    '/to-decimal-loopback': (_req, res) => {
      res.writeHead(302, { location: `http://2130706433:${server.port}/page` }).end();
    },
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

/** A fetcher with nothing private allowed (the production default). */
function strictFetcher(resolve: Resolve = testResolve()) {
  return makeTestFetcher({ allowPrivate: [], resolve }).fetcher;
}

describe('SSRF guard in the fetcher', () => {
  it('refuses a redirect to the cloud metadata address (IPv4 and IPv6)', async () => {
    const { fetcher } = makeTestFetcher(); // loopback allowed so the first hop is reachable
    for (const path of ['/to-metadata', '/to-metadata-v6']) {
      const err = await rejectionOf(fetcher.fetch(server.url(path)));
      expect(err.code).toBe('FETCH_BLOCKED');
      expect(err.message).toMatch(/redirect from .* to http:\/\/.*: cloud metadata endpoint/);
      expect(err.input).toBe(server.url(path));
    }
    await fetcher.close();
  });

  it('refuses a host name that resolves to loopback, before any byte is sent', async () => {
    const fetcher = strictFetcher();
    const err = await rejectionOf(fetcher.fetch(`http://innocent.test:${server.port}/page`));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.message).toMatch(/loopback 127\.0\.0\.0\/8 .*innocent\.test resolved to 127\.0\.0\.1/);
    expect(err.input).toBe(`http://innocent.test:${server.port}/page`);
    expect(server.requests).toHaveLength(0);
    await fetcher.close();
  });

  it('refuses a name when any of its addresses is private (mixed answers are an attack)', async () => {
    const mixed: Resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ];
    const fetcher = strictFetcher(mixed);
    const err = await rejectionOf(fetcher.fetch('http://mixed.test/page'));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.message).toMatch(/RFC 1918/);
    await fetcher.close();
  });

  it('connects to exactly the address it checked (the injected resolver is the one used)', async () => {
    let lookups = 0;
    const counting: Resolve = async (host) => {
      lookups += 1;
      return testResolve()(host);
    };
    const { fetcher } = makeTestFetcher({ resolve: counting });
    // `feeds.test` exists nowhere but in our resolver: reaching the server proves the socket used it.
    const res = await fetcher.fetch(`http://feeds.test:${server.port}/page`);
    expect(res.body.toString()).toBe('reached');
    expect(server.requests.at(-1)?.headers.host).toBe(`feeds.test:${server.port}`);
    expect(lookups).toBeGreaterThanOrEqual(1);
    await fetcher.close();
  });

  it.each([
    ['http://[::1]:PORT/page', /loopback ::1/],
    ['http://[::ffff:127.0.0.1]:PORT/page', /IPv4-mapped/],
    ['http://[64:ff9b::7f00:1]:PORT/page', /NAT64/],
    ['http://[fe80::1]:PORT/page', /link-local/],
    ['http://[fc00::1]:PORT/page', /unique local/],
    ['http://2130706433:PORT/page', /loopback/],
    ['http://0177.0.0.1:PORT/page', /loopback/],
    ['http://0x7f.0.0.1:PORT/page', /loopback/],
    ['http://127.1:PORT/page', /loopback/],
    ['http://0.0.0.0:PORT/page', /unspecified/],
    ['http://metadata.google.internal/computeMetadata/v1/', /metadata host/],
  ])('refuses %s', async (template, reason) => {
    const fetcher = strictFetcher();
    const url = template.replace('PORT', String(server.port));
    const err = await rejectionOf(fetcher.fetch(url));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.message).toMatch(reason);
    expect(err.input).toBe(url);
    expect(server.requests).toHaveLength(0);
    await fetcher.close();
  });

  it('treats odd IPv4 spellings as the address they are: allowed 127.0.0.1 reaches the server', async () => {
    const { fetcher } = makeTestFetcher({ allowPrivate: ['127.0.0.1'] });
    for (const host of ['2130706433', '0177.0.0.1', '0x7f000001']) {
      const res = await fetcher.fetch(`http://${host}:${server.port}/page`);
      expect(res.url).toBe(server.url('/page'));
    }
    // …and a redirect to a decimal form of it is followed.
    expect((await fetcher.fetch(server.url('/to-decimal-loopback'))).body.toString()).toBe('reached');
    await fetcher.close();
  });

  it('allows a host name the operator lists, whatever it resolves to', async () => {
    const { fetcher } = makeTestFetcher({ allowPrivate: ['intranet.test'] });
    expect((await fetcher.fetch(`http://intranet.test:${server.port}/page`)).status).toBe(200);
    const err = await rejectionOf(fetcher.fetch(`http://other.test:${server.port}/page`));
    expect(err.code).toBe('FETCH_BLOCKED');
    await fetcher.close();
  });
});
