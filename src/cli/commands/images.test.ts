import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../../../test/fixtures/images/make-images.js';
import { cli, tempDataDir } from '../../../test/support/cli.js';
import { startFixtureServer, type FixtureServer } from '../../../test/support/fixture-server.js';

const PNG = makePng(12, 8);

describe('heatwire images fetch', () => {
  let server: FixtureServer;
  const data = tempDataDir();
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    server = await startFixtureServer({ '/lead.png': { headers: { 'content-type': 'image/png' }, body: PNG } });
    env = { ...data.env, HEATWIRE_ALLOW_PRIVATE: '127.0.0.1' };
    const records = [
      { title: 'Harbour cranes return', webUrl: 'https://news.test/cranes', images: [{ url: server.url('/lead.png'), isCached: false }] },
      { title: 'Pier closes for repairs', webUrl: 'https://news.test/pier', images: [{ url: server.url('/missing.png'), isCached: false }] },
    ];
    const file = join(data.dir, 'in.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    expect((await cli(['ingest', file], env)).code).toBe(0);
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  it('caches what it can, reports failures with reasons, exits 1; a second run has nothing left to do', async () => {
    const run = await cli(['images', 'fetch', '--json'], env);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.out.trim()) as { type: string; cached: number; failed: Array<{ url: string; code: string; reason: string }> };
    expect(summary).toMatchObject({ type: 'summary', cached: 1, alreadyCached: 0, skipped: 0 });
    expect(summary.failed).toEqual([expect.objectContaining({ url: server.url('/missing.png'), code: 'FETCH_FAILED' })]);
    expect(readdirSync(join(data.dir, 'images'))).toHaveLength(1);

    const again = await cli(['images', 'fetch'], env);
    expect(again.code).toBe(0);
    expect(again.out).toBe('images: 0 cached, 0 already cached, 0 skipped (backing off or given up), 0 failed\n');

  });

  it('prints a human summary and the failures on stderr', async () => {
    const fresh = tempDataDir();
    const freshEnv = { ...fresh.env, HEATWIRE_ALLOW_PRIVATE: '127.0.0.1' };
    const file = join(fresh.dir, 'in.jsonl');
    writeFileSync(file, JSON.stringify({ title: 'Ferry timetable', webUrl: 'https://news.test/ferry', images: [{ url: server.url('/gone.png') }] }));
    try {
      expect((await cli(['ingest', file], freshEnv)).code).toBe(0);
      const run = await cli(['images', 'fetch'], freshEnv);
      expect(run.code).toBe(1);
      expect(run.out).toBe('images: 0 cached, 0 already cached, 0 skipped (backing off or given up), 1 failed\n');
      expect(run.err).toContain(`failed: ${server.url('/gone.png')}: FETCH_FAILED`);
      expect(run.err).toContain('(given up)');
    } finally {
      fresh.cleanup();
    }
  });

  it('refuses bad flags as a usage error', async () => {
    expect((await cli(['images', 'fetch', '--limit', 'zero'], env)).code).toBe(2);
  });
});
