import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { hang, redirectTo, sequence, startFixtureServer } from './fixture-server.js';

describe('startFixtureServer', () => {
  it('serves static routes, matches the query first, 404s the rest, and logs requests', async () => {
    const server = await startFixtureServer({
      '/a': { headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
      '/a?v=2': { body: 'second' },
    });
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const a = await request(server.url('/a'));
    expect(a.headers['content-type']).toBe('application/json');
    expect(await a.body.text()).toBe('{"a":1}');
    expect(await (await request(server.url('/a?v=2'))).body.text()).toBe('second');
    expect(await (await request(server.url('/a?v=3'))).body.text()).toBe('{"a":1}');
    const missing = await request(server.url('/nope'));
    expect(missing.statusCode).toBe(404);
    await missing.body.dump();
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/a?v=2', '/a?v=3', '/nope']);
    expect(server.hits('/a')).toBe(3);
    await server.close();
  });

  it('plays sequences, restarts hit counts on a new route, and redirects', async () => {
    const server = await startFixtureServer({ '/s': sequence({ status: 503 }, { body: 'up' }) });
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const res = await request(server.url('/s'));
      codes.push(res.statusCode);
      await res.body.dump();
    }
    expect(codes).toEqual([503, 200, 200]);
    server.route('/s', sequence({ status: 500 }, { body: 'again' }));
    const res = await request(server.url('/s'));
    expect(res.statusCode).toBe(500);
    await res.body.dump();
    server.route('/r', redirectTo('/s', 308));
    const r = await request(server.url('/r'));
    expect([r.statusCode, r.headers.location]).toEqual([308, '/s']);
    await r.body.dump();
    await server.close();
  });

  it('counts requests in flight and closes even with a hanging route', async () => {
    let now = 1000;
    const server = await startFixtureServer(
      { '/slow': { delayMs: 40, body: 'x' }, '/hang': hang() },
      { now: () => now++ },
    );
    await Promise.all([1, 2, 3].map(async () => (await request(server.url('/slow'))).body.text()));
    expect(server.maxInFlight).toBe(3);
    expect(server.inFlight).toBe(0);
    expect(server.requests.map((r) => r.at)).toEqual([1000, 1001, 1002]);
    const pending = request(server.url('/hang')).catch((err: unknown) => err);
    await expect.poll(() => server.inFlight).toBe(1);
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('turns a throwing handler into a 500', async () => {
    const server = await startFixtureServer({
      '/boom': () => {
        throw new Error('handler broke');
      },
    });
    const res = await request(server.url('/boom'));
    expect(res.statusCode).toBe(500);
    expect(await res.body.text()).toMatch(/handler broke/);
    await server.close();
  });
});
