import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDataDir } from '../../../test/support/cli.js';
import { makeCoverage } from '../../../test/fixtures/stories/make-coverage.js';
import type { StorySummary } from '../../services/stories.js';

/** A line of `stories --json` as the service types it (the JSON must keep that shape). */
type StoryLine = StorySummary;

const parseLines = <T>(out: string): T[] =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

describe('heatwire stories / timeline / export --related computed', () => {
  const data = tempDataDir();
  const { lines } = makeCoverage(new Date());
  beforeAll(async () => {
    const file = join(data.dir, 'coverage.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = await cli(['ingest', file], data.env);
    expect(r.code, r.err).toBe(0);
  }, 60_000);
  afterAll(() => data.cleanup());

  it('--json prints one story per line, DESIGN.md §6 shape, hottest first', async () => {
    const r = await cli(['--json', 'stories'], data.env);
    expect(r.code, r.err).toBe(0);
    const stories = parseLines<StoryLine>(r.out);
    expect(stories).toHaveLength(3);
    for (const s of stories) {
      expect(Object.keys(s).slice(0, 7)).toEqual([
        'id',
        'title',
        'heat',
        'articles',
        'sources',
        'firstSeen',
        'lastSeen',
      ]);
      expect(Date.parse(s.firstSeen)).toBeLessThanOrEqual(Date.parse(s.lastSeen));
    }
    const [hot] = stories;
    expect(hot!.title).toMatch(/Brackwell|Tessaly/);
    // Four outlets carried the plant story (one as a syndicated copy); all four are its articles.
    expect(hot!.sources.sort()).toEqual([
      'bytewire.example',
      'daily-gear.example',
      'north-ledger.example',
      'wire-feed.example',
    ]);
    expect(hot!.articles).toHaveLength(4);
    expect(hot!.articles.every((a) => a.webUrl?.startsWith('https://'))).toBe(true);
    expect(hot!.heat).toBeGreaterThan(0);
    expect(hot!.reasons[0]).toMatch(/providers? in 6 h/);
    const heats = stories.map((s) => s.heat);
    expect([...heats].sort((a, b) => b - a)).toEqual(heats);
    const health = parseLines<StoryLine>(
      (await cli(['--json', 'stories', '--topic', 'Health'], data.env)).out,
    );
    expect(health.map((s) => s.articles.length)).toEqual([2]);
  });

  it('a watched organisation (HEATWIRE_WATCH_ORGS) makes its story hotter, and says why', async () => {
    const plain = parseLines<StoryLine>((await cli(['--json', 'stories', '--topic', 'Health'], data.env)).out)[0]!;
    const watchedEnv = { ...data.env, HEATWIRE_WATCH_ORGS: 'Marlow Health' };
    const watched = parseLines<StoryLine>((await cli(['--json', 'stories', '--topic', 'Health'], watchedEnv)).out)[0]!;
    expect(watched.id).toBe(plain.id);
    expect(plain.reasons.some((r) => r.startsWith('watched: '))).toBe(false);
    expect(watched.reasons).toContain('watched: Marlow Health');
    expect(watched.heat).toBeGreaterThan(plain.heat);
  });

  it('show and export --extended name the story an article belongs to', async () => {
    const [hot] = parseLines<StoryLine>((await cli(['--json', 'stories'], data.env)).out);
    const articleId = hot!.articles[0]!.id;
    const shown = JSON.parse((await cli(['--json', 'show', articleId], data.env)).out) as {
      record: { heatwire: { story?: { id: string; title: string; articles: number } } };
    };
    expect(shown.record.heatwire.story).toMatchObject({ id: hot!.id, title: hot!.title, articles: hot!.articles.length });
    const exported = parseLines<{ heatwire: { id: string; story?: { id: string } } }>(
      (await cli(['export', '--format', 'jsonl', '--extended'], data.env)).out,
    );
    const members = new Set(hot!.articles.map((a) => a.id));
    const inStory = exported.filter((e) => members.has(e.heatwire.id));
    expect(inStory).toHaveLength(members.size);
    for (const r of inStory) expect(r.heatwire.story?.id).toBe(hot!.id);
    const plain = parseLines<Record<string, unknown>>((await cli(['export', '--format', 'jsonl'], data.env)).out);
    expect(plain.every((r) => !('heatwire' in r))).toBe(true);
  });

  it('merge and split are kept, and reported', async () => {
    const all = parseLines<StoryLine>((await cli(['--json', 'stories'], data.env)).out);
    const plant = all.find((s) => s.articles.length === 4)!;
    const lighthouse = all.find((s) => s.articles.length === 1)!;
    const merged = await cli(['--json', 'stories', 'merge', plant.id, lighthouse.id], data.env);
    expect(merged.code, merged.err).toBe(0);
    // The older story (the lighthouse item came first) keeps its id; the other redirects to it.
    const out = JSON.parse(merged.out) as { type: string; storyId: string; merged: string[] };
    expect(out).toEqual({ type: 'merge', storyId: lighthouse.id, merged: [plant.id] });
    const joined = parseLines<StoryLine>((await cli(['--json', 'stories'], data.env)).out).find(
      (s) => s.id === lighthouse.id,
    )!;
    expect(joined.articles).toHaveLength(5);
    // The editor splits the plant articles back out: they get a new story, the lighthouse keeps its id.
    const plantIds = plant.articles.map((a) => a.id);
    const split = await cli(['--json', 'stories', 'split', lighthouse.id, ...plantIds], data.env);
    expect(split.code, split.err).toBe(0);
    const parts = JSON.parse(split.out) as { storyId: string; newStoryId: string };
    expect(parts.storyId).toBe(lighthouse.id);
    const after = parseLines<StoryLine>((await cli(['--json', 'stories'], data.env)).out);
    expect(
      after
        .find((s) => s.id === parts.newStoryId)!
        .articles.map((a) => a.id)
        .sort(),
    ).toEqual([...plantIds].sort());
    expect(after.find((s) => s.id === lighthouse.id)!.articles).toHaveLength(1);
    const bad = await cli(['stories', 'split', lighthouse.id, 'not-an-article'], data.env);
    expect(bad.code).toBe(2);
  });

  it('timeline --topic lists dated stories; no filter is a usage error', async () => {
    const r = await cli(['--json', 'timeline', '--topic', 'Robotics'], data.env);
    expect(r.code, r.err).toBe(0);
    const rows = parseLines<{ date: string; storyId: string; title: string; entries: number }>(r.out);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.entries).toBe(4);
    expect(rows[0]!.title).toMatch(/Brackwell|Tessaly/);
    expect((await cli(['timeline'], data.env)).code).toBe(2);
  });

  it('export --related computed writes whole related records; a plain export keeps the record’s own list', async () => {
    const plain = parseLines<Record<string, unknown>>(
      (await cli(['export', '--format', 'jsonl'], data.env)).out,
    );
    const computed = parseLines<Record<string, unknown>>(
      (await cli(['export', '--format', 'jsonl', '--related', 'computed'], data.env)).out,
    );
    const byTitle = (rows: Array<Record<string, unknown>>, t: string) => rows.find((r) => r.title === t)!;
    const noctavel = 'Noctavel trial win puts Marlow Health on path to approval';
    // As it came: one related record of its own.
    expect((byTitle(plain, noctavel).related as Array<{ title: string }>).map((r) => r.title)).toEqual([
      'An older look at insomnia treatments',
    ]);
    // Computed: the other article of its story first, as a whole record (provider, webUrl, title…).
    const rel = byTitle(computed, noctavel).related as Array<Record<string, unknown>>;
    expect(rel[0]).toMatchObject({
      title: 'Marlow Health sleep drug Noctavel succeeds in late-stage trial',
      webUrl: 'https://pulse-med.example/noctavel-trial',
    });
    expect(rel[0]).not.toHaveProperty('related');
    const plantTitle = 'Brackwell Robotics picks Tessaly for robot arm factory';
    expect(byTitle(plain, plantTitle)).not.toHaveProperty('related');
    const plantRel = byTitle(computed, plantTitle).related as Array<{ webUrl: string }>;
    expect(plantRel.length).toBeGreaterThanOrEqual(3);
    expect(plantRel.slice(0, 3).every((r) => /brackwell|tessaly|syndicated/.test(r.webUrl))).toBe(true);
  });
  it('an updated article keeps its story and is not made a copy of its own syndicated copy', async () => {
    const before = parseLines<StoryLine>((await cli(['--json', 'stories'], data.env)).out);
    const first = lines[0]!;
    const file = join(data.dir, 'update.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ ...first, text: `${first.text} The first robots ship in the autumn.` })}\n`,
    );
    const r = await cli(['--json', 'ingest', file], data.env);
    expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toMatchObject({ new: 0, updated: 1 });
    const after = parseLines<StoryLine>((await cli(['--json', 'stories'], data.env)).out);
    const ids = (list: StoryLine[]) => list.map((s) => [s.id, s.articles.map((a) => a.id).sort()]).sort();
    expect(ids(after)).toEqual(ids(before));
    const db = new Database(data.db, { readonly: true });
    const links = db.prepare('SELECT article_id, canonical_id, kind FROM article_duplicates').all() as Array<{
      article_id: string;
      canonical_id: string;
      kind: string;
    }>;
    db.close();
    // Only the wire copy points at the original; the original never points at its copy.
    expect(links.map((l) => l.kind)).toEqual(['syndicated']);
  });
  it('an item reaching a stored article through another of its URLs is linked as a url duplicate', async () => {
    const first = lines[2]!;
    const file = join(data.dir, 'moved.jsonl');
    // Same record under a new address whose originalUrl is the stored article's address.
    writeFileSync(
      file,
      `${JSON.stringify({ ...first, webUrl: 'https://bytewire.example/2025/brackwell-tessaly', originalUrl: first.webUrl })}\n`,
    );
    const r = await cli(['--json', 'ingest', file], data.env);
    expect(r.code, r.err).toBe(0);
    const db = new Database(data.db, { readonly: true });
    const links = db
      .prepare("SELECT article_id, canonical_id FROM article_duplicates WHERE kind = 'url'")
      .all() as Array<{ article_id: string; canonical_id: string }>;
    const stored = db.prepare('SELECT article_id FROM article_urls WHERE url = ?').get(first.webUrl) as {
      article_id: string;
    };
    db.close();
    expect(links).toHaveLength(1);
    expect(links[0]!.canonical_id).toBe(stored.article_id);
    expect(links[0]!.article_id).not.toBe(stored.article_id);
  });
});
