import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCoverage } from '../../../test/fixtures/stories/make-coverage.js';
import { createKeyRing, generateKey } from '../../secure/index.js';
import { createStoriesAfterStore } from '../../services/cluster-stored-batch.js';
import { ingestPaths } from '../../services/ingest.js';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/index.js';
import { SqliteStoriesRepository } from '../../store/sqlite/stories-repository.js';
import { createApp } from '../app.js';

describe('/api/v1/stories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heatwire-stories-api-'));
  const now = new Date();
  let store: SqliteStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const file = join(dir, 'coverage.jsonl');
    writeFileSync(
      file,
      makeCoverage(now)
        .lines.map((l) => JSON.stringify(l))
        .join('\n') + '\n',
    );
    store = await openSqliteStore(':memory:');
    const stories = new SqliteStoriesRepository(store.database);
    const summary = await ingestPaths([file], {
      store,
      ring: createKeyRing([generateKey()]),
      now: () => now,
      maxInputBytes: 1 << 20,
      afterStore: createStoriesAfterStore(stories, () => now),
    });
    expect(summary.failed).toEqual([]);
    app = createApp({ store, stories });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the home page opens with the hot stories: rounded heat, hottest first, and why', async () => {
    const page = await (await app.request('/')).text();
    const section = page.slice(page.indexOf('<h2>Stories</h2>'), page.indexOf('</section>', page.indexOf('<h2>Stories</h2>')));
    expect(section).toMatch(/Brackwell Robotics/);
    expect(section).toMatch(/Noctavel/);
    expect(section).toMatch(/<b class="heat"[^>]*>\d+<\/b>/);
    expect(section).toMatch(/providers? in 6 h/);
    expect(section.indexOf('Brackwell')).toBeLessThan(section.indexOf('Noctavel'));
    const bare = await (await createApp({ store }).request('/')).text();
    expect(bare).not.toContain('<h2>Stories</h2>');
  });

  it('lists stories hottest first, with a topic filter', async () => {
    const res = await app.request('/api/v1/stories');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { stories: Array<{ id: string; heat: number; articles: unknown[] }> };
    expect(body.stories.map((s) => s.articles.length).sort()).toEqual([1, 2, 4]);
    // The four-outlet story of the last hours leads; a day-old story has cooled below a fresh single item.
    expect(body.stories[0]!.articles).toHaveLength(4);
    const heats = body.stories.map((s) => s.heat);
    expect([...heats].sort((a, b) => b - a)).toEqual(heats);
    expect(heats[0]).toBeGreaterThan(heats[2]!);
    const health = (await (await app.request('/api/v1/stories?topic=Health')).json()) as {
      stories: Array<{ articles: unknown[] }>;
    };
    expect(health.stories.map((s) => s.articles.length)).toEqual([2]);
    expect((await app.request('/api/v1/stories?limit=0')).status).toBe(400);
  });

  it('returns one story with its members and per-article heat; 404 for an unknown id', async () => {
    const list = (await (await app.request('/api/v1/stories?limit=1')).json()) as {
      stories: Array<{ id: string; heat: number }>;
    };
    const id = list.stories[0]!.id;
    const res = await app.request(`/api/v1/stories/${encodeURIComponent(id)}`);
    expect(res.status).toBe(200);
    const story = (await res.json()) as {
      id: string;
      heat: number;
      members: Array<{ articleId: string; heat: number; provider: string }>;
      edited: unknown;
    };
    expect(story.id).toBe(id);
    expect(story.members).toHaveLength(4);
    expect(story.edited).toEqual({ merge: false, split: false });
    // No article is hotter than its story.
    for (const m of story.members) expect(m.heat).toBeLessThanOrEqual(story.heat);
    expect(JSON.stringify(story)).not.toContain('picking arms for logistics customers');
    const missing = await app.request('/api/v1/stories/s-nothing');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
