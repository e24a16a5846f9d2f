import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordDocument } from '../../src/ingest/records/index.js';
import { cli, tempDataDir } from '../support/cli.js';
import { sharedAvailable, sharedPath } from '../support/shared.js';

/** Object keys in order, recursively: a round trip must keep field order, not only values. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return null;
}

describe.skipIf(!sharedAvailable('seeds'))('conformance: ../shared/seeds ingest → export', () => {
  const data = tempDataDir();
  afterAll(() => data.cleanup());
  const seedsDir = sharedPath('seeds');
  const outDir = join(data.dir, 'out');

  const exported = async () => {
    expect((await cli(['ingest', seedsDir], data.env)).code).toBe(0);
    const res = await cli(['export', '--format', 'record', '--with-text', '--out', outDir], data.env);
    expect(res.code).toBe(0);
    return readdirSync(outDir).map((f) => parseRecordDocument(readFileSync(join(outDir, f), 'utf8'), f));
  };
  let items: Awaited<ReturnType<typeof exported>>;

  it('gives back the three seed records deep-equal, with related and secured, in field order', async () => {
    items = await exported();
    const seedFiles = readdirSync(seedsDir).filter((f) => readFileSync(join(seedsDir, f), 'utf8').startsWith('---'));
    expect(seedFiles).toHaveLength(3);
    for (const file of seedFiles) {
      const seed = parseRecordDocument(readFileSync(join(seedsDir, file), 'utf8'), file).record;
      const back = items.find((i) => i.record.webUrl === seed.webUrl && i.record.secured !== undefined);
      expect(back, `exported record for ${file}`).toBeDefined();
      expect(back!.record).toEqual(seed);
      expect(keyOrder(back!.record)).toEqual(keyOrder(seed));
      expect(back!.text).toBeUndefined(); // a foreign secured text cannot be decrypted here
    }
  });

  it('turns the raw page text into an article without breadcrumb, promo line or footer', () => {
    const file = readdirSync(seedsDir).find((f) => !readFileSync(join(seedsDir, f), 'utf8').startsWith('---'))!;
    const paragraphs = readFileSync(join(seedsDir, file), 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    // The page's shape: site name, title, breadcrumb, article paragraphs with one inline promo
    // line among them, and a comment footer last.
    const [site, title, breadcrumb] = paragraphs;
    const footer = paragraphs.at(-1)!;
    const body = paragraphs.slice(3, -1);
    const promo = body.find((p) => /Ray-Ban/.test(p))!;
    expect(promo).toBeDefined();
    const article = items.find((i) => i.record.title === title);
    expect(article, 'the plain-text article').toBeDefined();
    expect(article!.record.title).toBe('Meta is losing ground in the AI race');
    expect(article!.record.provider?.name).toBe('ShiftDelete.Net Global');
    expect(article!.record.provider?.name).toBe(site);
    const text = article!.text ?? '';
    for (const p of body.filter((p) => p !== promo)) expect(text).toContain(p);
    expect(text).not.toContain(promo);
    expect(text).not.toContain(breadcrumb);
    expect(text).not.toContain(footer);
    expect(article!.record.secured).toMatch(/^[A-Za-z0-9+/=]+;[A-Za-z0-9+/=]+$/);
  });

  it('enriches during ingest: people\'s moves of the raw page text are stored with the article', async () => {
    const title = items.find((i) => i.record.provider?.name === 'ShiftDelete.Net Global')!.record.title;
    const hit = JSON.parse((await cli(['--json', 'search', title], data.env)).out.trim().split('\n')[0]!) as { id: string };
    const shown = JSON.parse((await cli(['--json', 'show', hit.id], data.env)).out) as {
      record: { heatwire: { language: string; moves: Array<{ person: string; change: string; role?: string; replacedBy?: string }> } };
    };
    const { language, moves } = shown.record.heatwire;
    expect(language).toBe('en');
    expect(moves).toContainEqual(
      expect.objectContaining({ person: 'John Hegeman', change: 'departed', role: 'Chief Revenue Officer', replacedBy: 'Andrew Bocking' }),
    );
    expect(moves).toContainEqual(expect.objectContaining({ person: 'Guy Rosen', change: 'reassigned' }));
  });

  it('analyzes the raw page text without storing it (heatwire analyze)', async () => {
    const file = readdirSync(seedsDir).find((f) => !readFileSync(join(seedsDir, f), 'utf8').startsWith('---'))!;
    const res = await cli(['--json', 'analyze', join(seedsDir, file)], data.env);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.out.trim()) as { topics: Array<{ name: string }>; moves: Array<{ person: string; change: string; replaces?: string }> };
    expect(out.topics.map((t) => t.name)).toContain('Facebook AI');
    expect(out.moves).toContainEqual(expect.objectContaining({ person: 'Andrew Bocking', change: 'appointed', replaces: 'John Hegeman' }));
    expect(out.moves).toContainEqual(expect.objectContaining({ person: 'Yann LeCun', change: 'departed' }));
  });

  it('lists people at Meta with their roles and moves (heatwire people --org)', async () => {
    const res = await cli(['--json', 'people', '--org', 'Meta'], data.env);
    expect(res.code).toBe(0);
    const people = res.out.trim().split('\n').map((l) => JSON.parse(l) as {
      name: string;
      roles: Array<{ title: string; to: string | null }>;
      moves: Array<{ change: string; sources: string[]; evidence?: string }>;
    });
    const byName = new Map(people.map((p) => [p.name, p]));
    const hegeman = byName.get('John Hegeman')!;
    expect(hegeman.roles).toContainEqual(expect.objectContaining({ title: 'Chief Revenue Officer' }));
    expect(hegeman.moves[0]).toMatchObject({ change: 'departed' });
    expect(hegeman.moves[0]!.evidence).toBeTruthy(); // unsealed for the CLI user, who holds the key
    expect(byName.get('Andrew Bocking')!.moves[0]).toMatchObject({ change: 'appointed' });
    expect(byName.get('Mark Zuckerberg')!.moves).toEqual([]);
    expect(byName.get('Mark Zuckerberg')!.roles[0]).toMatchObject({ title: 'Chief Executive Officer' });
    const topics = await cli(['--json', 'topics'], data.env);
    const facebook = topics.out.trim().split('\n').map((l) => JSON.parse(l) as { name: string; articles: number }).find((t) => t.name === 'Facebook AI');
    expect(facebook!.articles).toBeGreaterThanOrEqual(3);
  });

  it('stores the records nested in related as articles too', async () => {
    const related = items.filter((i) => i.record.secured === undefined && i.record.title !== undefined);
    // 4 + 2 + 2 related records in the seeds.
    expect(related.length).toBeGreaterThanOrEqual(8);
  });

  it('ingests the seeds a second time as duplicates, changing nothing', async () => {
    const again = await cli(['--json', 'ingest', seedsDir], data.env);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.out.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ new: 0, updated: 0, duplicate: 4, failed: [] });
  });
});
