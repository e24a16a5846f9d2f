import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { createFakeClock } from '../../../test/fixtures/fetcher/fake-clock.js';
import { RobotsCache, type RobotsResponse } from './robots-cache.js';

const ORIGIN = 'https://news.example';
const HOUR = 3600_000;

function cacheWith(answers: Array<RobotsResponse | Error>, token = 'Heatwire') {
  const clock = createFakeClock(0);
  const asked: string[] = [];
  const cache = new RobotsCache({
    clock,
    token,
    ttlMs: 24 * HOUR,
    errorTtlMs: HOUR,
    fetchRobots: async (url) => {
      asked.push(url);
      const next = answers[Math.min(asked.length, answers.length) - 1];
      if (!next) throw new Error('no answer scripted');
      if (next instanceof Error) throw next;
      return next;
    },
  });
  return { cache, clock, asked };
}

const ok = (text: string): RobotsResponse => ({ status: 200, body: Buffer.from(text) });
const allowed = async (cache: RobotsCache, path: string) =>
  (await cache.check(new URL(path, ORIGIN))).allowed;

describe('RobotsCache matching (robots-parser, RFC 9309)', () => {
  const robots = [
    '\uFEFFUser-agent: *',
    'Disallow: /',
    '',
    'User-agent: HEATWIRE', // product tokens match case-insensitively
    'Disallow: /archive',
    'Allow: /archive/public',
    'Disallow: /*?session=',
    'Disallow: /*.json$',
    'Allow: /page',
    'Disallow: /page',
    'Crawl-delay: 2.5',
  ].join('\n');

  it.each([
    ['/', true],
    ['/story/1', true],
    ['/archive', false],
    ['/archive/2019/x', false],
    ['/archive/public/x', true], // longer Allow wins
    ['/list?session=abc', false], // * in the middle
    ['/data.json', false],
    ['/data.json?x=1', true], // $ anchors the end
    ['/page', true], // equal length: Allow wins
  ])('%s → allowed %s', async (path, expected) => {
    const { cache } = cacheWith([ok(robots)]);
    expect(await allowed(cache, path)).toBe(expected);
  });

  it('falls back to * when there is no group for us, and reports Crawl-delay in ms', async () => {
    const { cache } = cacheWith([ok(robots)], 'OtherBot');
    expect(await allowed(cache, '/story/1')).toBe(false);
    const mine = cacheWith([ok(robots)]).cache;
    expect((await mine.check(new URL('/story', ORIGIN))).crawlDelayMs).toBe(2500);
  });

  it('explains a refusal with the rule line', async () => {
    const { cache } = cacheWith([ok(robots)]);
    const verdict = await cache.check(new URL('/archive/x', ORIGIN));
    expect(verdict.reason).toMatch(/disallows \/archive\/x for Heatwire \(line 5\)/);
  });
});

describe('RobotsCache status handling and caching', () => {
  it('fetches once per origin, shares an in-flight fetch, and refreshes after the TTL', async () => {
    const { cache, clock, asked } = cacheWith([
      ok('User-agent: *\nDisallow: /a'),
      ok('User-agent: *\nDisallow: /b'),
    ]);
    await Promise.all([allowed(cache, '/x'), allowed(cache, '/y'), allowed(cache, '/z')]);
    expect(asked).toEqual([`${ORIGIN}/robots.txt`]);
    expect(await allowed(cache, '/a')).toBe(false);
    clock.advance(24 * HOUR + 1);
    expect(await allowed(cache, '/a')).toBe(true);
    expect(await allowed(cache, '/b')).toBe(false);
    expect(asked).toHaveLength(2);
    await cache.check(new URL('http://news.example:8080/'));
    expect(asked.at(-1)).toBe('http://news.example:8080/robots.txt'); // another origin, another file
  });

  it.each([401, 403, 404, 410])('HTTP %i means no rules: allow all', async (status) => {
    const { cache } = cacheWith([{ status, body: Buffer.alloc(0) }]);
    expect(await allowed(cache, '/anything')).toBe(true);
  });

  it.each([
    ['HTTP 500', { status: 500, body: Buffer.alloc(0) }],
    ['HTTP 429', { status: 429, body: Buffer.alloc(0) }],
    ['a network error', new Error('connect ECONNRESET')],
  ])('%s means unreachable: disallow all, temporarily', async (_label, answer) => {
    const { cache, clock, asked } = cacheWith([answer, ok('')]);
    const verdict = await cache.check(new URL('/x', ORIGIN));
    expect(verdict).toMatchObject({ allowed: false, temporary: true });
    clock.advance(HOUR - 1);
    expect(await allowed(cache, '/x')).toBe(false);
    clock.advance(2);
    expect(await allowed(cache, '/x')).toBe(true);
    expect(asked).toHaveLength(2);
  });

  it('treats more than five redirects as unavailable (allow all)', async () => {
    const { cache } = cacheWith([{ status: 301, body: Buffer.alloc(0), redirectsExceeded: true }]);
    expect(await allowed(cache, '/x')).toBe(true);
  });

  it('lets an SSRF refusal through instead of caching it as unreachable', async () => {
    const { cache } = cacheWith([new HeatwireError('FETCH_BLOCKED', 'loopback')]);
    await expect(cache.check(new URL('/x', ORIGIN))).rejects.toMatchObject({ code: 'FETCH_BLOCKED' });
  });

  it('drops the least recently used origins beyond maxEntries', async () => {
    const clock = createFakeClock(0);
    const asked: string[] = [];
    const cache = new RobotsCache({
      clock,
      token: 'Heatwire',
      ttlMs: HOUR,
      errorTtlMs: HOUR,
      maxEntries: 2,
      fetchRobots: async (url) => {
        asked.push(url);
        return ok('');
      },
    });
    for (const host of ['a', 'b', 'a', 'c', 'a', 'b']) await cache.check(new URL(`https://${host}.example/`));
    // a stays hot; b was evicted by c and is fetched again.
    expect(asked.map((u) => new URL(u).hostname)).toEqual([
      'a.example',
      'b.example',
      'c.example',
      'b.example',
    ]);
  });
});
