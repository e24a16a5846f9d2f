import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoryArticle } from '../../cluster/assign-story.js';
import { clusterArticle } from '../../cluster/cluster-article.js';
import { mergeStoriesById, splitStoryById } from '../../services/stories.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';
import { SqliteStoriesRepository } from './stories-repository.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'heatwire-stories-repo-'));
  dirs.push(dir);
  return join(dir, 'h.db');
}
const day = (d: number, h = 9): string => new Date(Date.UTC(2024, 3, d, h)).toISOString();
const now = Date.UTC(2024, 5, 1);
const ferry = (id: string, h: number, provider: string, twist = ''): StoryArticle => ({
  id,
  title: `Dunmore Ferries orders three electric ferries${twist}`,
  lead: `Dunmore Ferries ordered three battery ferries from Kestrel Yards for the island crossing${twist}.`,
  text: `Dunmore Ferries has ordered three battery-electric ferries from Kestrel Yards. The vessels will serve the island crossing from next spring and replace diesel boats. ${twist}`,
  publishedAt: day(2, h),
  provider,
});

async function cluster(
  store: SqliteStore,
  articles: StoryArticle[],
  options: Parameters<typeof clusterArticle>[3] = {},
) {
  const repo = new SqliteStoriesRepository(store.database);
  return repo.transaction((tx) => articles.map((a) => clusterArticle(a, tx.state, now, options)));
}

describe('SqliteStoriesRepository', () => {
  it('resumes after a restart: a new article joins the old story, copies are still found', async () => {
    const path = tempDb();
    let store = await openSqliteStore(path);
    const first = await cluster(store, [
      ferry('f1', 8, 'harbour.example'),
      ferry('f2', 11, 'coast.example', ' for the winter route'),
    ]);
    expect(first[1]!.storyId).toBe(first[0]!.storyId);
    const other = await cluster(store, [
      {
        id: 'g1',
        title: 'Larchwood council closes two libraries',
        lead: 'Larchwood council voted to close two libraries to save money.',
        publishedAt: day(2, 12),
        provider: 'town.example',
      },
    ]);
    expect(other[0]!.storyId).not.toBe(first[0]!.storyId);
    await store.close();

    store = await openSqliteStore(path);
    const repo = new SqliteStoriesRepository(store.database);
    const later = await cluster(store, [
      ferry('f3', 15, 'isles.example', ' as crossings grow'),
      { ...ferry('f4', 16, 'wire.example'), id: 'f4' },
    ]);
    expect(later[0]).toMatchObject({ storyId: first[0]!.storyId, created: false });
    // f4 repeats f1's text on another site: a syndicated copy, found through the stored buckets.
    expect(later[1]!.duplicate).toMatchObject({ of: 'f1', relation: 'copy-of' });
    const story = await repo.getStory(first[0]!.storyId);
    expect(story).toMatchObject({
      id: 's-f1',
      articleCount: 4,
      title: expect.stringContaining('Dunmore Ferries'),
    });
    expect(story!.providers.sort()).toEqual([
      'coast.example',
      'harbour.example',
      'isles.example',
      'wire.example',
    ]);
    // State is read by key: the document count and frequencies persisted across the restart.
    const docs = store.database.prepare("SELECT value FROM cluster_meta WHERE key = 'documents'").get() as {
      value: number;
    };
    expect(docs.value).toBe(5);
    await store.close();
  });

  it('keeps editor splits and merges when later articles arrive, across restarts', async () => {
    const path = tempDb();
    let store = await openSqliteStore(path);
    let repo = new SqliteStoriesRepository(store.database);
    const fine = (id: string, h: number, what: string): StoryArticle => ({
      id,
      title: `Orrin Bank fined over ${what}`,
      lead: `Regulators fined Orrin Bank over ${what}.`,
      publishedAt: day(5, h),
      provider: `${id}.example`,
    });
    const loose = { assign: { joinThreshold: 0.1, mergeThreshold: 0.1 } };
    // A loose threshold lumps two different fines into one story.
    await cluster(
      store,
      [
        fine('x1', 1, 'card fees'),
        fine('x2', 2, 'card fees'),
        fine('x3', 3, 'a data leak'),
        fine('x4', 4, 'a data leak'),
      ],
      loose,
    );
    expect(await repo.storyOfArticle('x4')).toBe('s-x1');
    const split = await splitStoryById(repo, 's-x1', ['x3', 'x4'], new Date(now));
    expect(split).toEqual({ storyId: 's-x1', newStoryId: 's-x3' });
    await store.close();

    store = await openSqliteStore(path);
    repo = new SqliteStoriesRepository(store.database);
    const [bridge] = await cluster(store, [fine('x5', 6, 'card fees and a data leak')], loose);
    expect(bridge!.merged).toBeUndefined();
    expect(await repo.storyOfArticle('x3')).toBe('s-x3');
    expect(await repo.storyOfArticle('x1')).toBe('s-x1');
    expect((await repo.getStory('s-x3'))!.edited).toEqual({ merge: false, split: true });
    expect((await repo.decisions()).map((d) => d.kind)).toEqual(['cannot-link']);

    const merged = await mergeStoriesById(repo, 's-x3', 's-x1', new Date(now));
    expect(merged).toEqual({ storyId: 's-x1', merged: ['s-x3'] });
    await store.close();

    store = await openSqliteStore(path);
    repo = new SqliteStoriesRepository(store.database);
    await cluster(store, [fine('x6', 7, 'a data leak')], loose);
    expect(await repo.storyOfArticle('x6')).toBe('s-x1');
    expect(await repo.storyOfArticle('x4')).toBe('s-x1');
    // The absorbed id still answers, redirected to the survivor.
    expect((await repo.getStory('s-x3'))!.id).toBe('s-x1');
    expect((await repo.getStory('s-x1'))!.edited).toEqual({ merge: true, split: true });
    expect((await repo.decisions()).map((d) => d.kind)).toEqual(['cannot-link', 'must-link']);
    await expect(mergeStoriesById(repo, 's-x1', 's-nope', new Date(now))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await store.close();
  });

  it('rolls a failed batch back whole', async () => {
    const store = await openSqliteStore(tempDb());
    const repo = new SqliteStoriesRepository(store.database);
    await expect(
      repo.transaction((tx) => {
        clusterArticle(ferry('r1', 8, 'harbour.example'), tx.state, now);
        throw new Error('boom');
      }),
    ).rejects.toMatchObject({ code: 'STORE_FAILED' });
    expect(await repo.storyOfArticle('r1')).toBeNull();
    expect(await repo.listStories()).toEqual([]);
    await store.close();
  });
});
