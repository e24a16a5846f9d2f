import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedAvailable, sharedPath } from '../../../test/support/shared.js';
import { mulberry32 } from '../../../test/support/mulberry32.js';
import { findEntities } from './find-entities.js';
import { canonicalPersonKey } from './merge-entities.js';
import { countMatches, organizationKey, scoreOf } from './score-entities.js';

const FIXTURE = join(import.meta.dirname, '../../../test/fixtures/entities/paragraphs.jsonl');

interface Labeled {
  text: string;
  people: string[];
  organizations: string[];
}

const labeled: Labeled[] = readFileSync(FIXTURE, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Labeled);

describe('findEntities on the labeled paragraphs', () => {
  const people = { tp: 0, fp: 0, fn: 0 };
  const orgs = { tp: 0, fp: 0, fn: 0 };
  for (const row of labeled) {
    const found = findEntities({ text: row.text });
    countMatches(found.filter((e) => e.type === 'person').map((e) => e.name), row.people, canonicalPersonKey, people);
    countMatches(found.filter((e) => e.type === 'organization').map((e) => e.name), row.organizations, organizationKey, orgs);
  }

  it('has at least 60 paragraphs from several fields', () => {
    expect(labeled.length).toBeGreaterThanOrEqual(60);
  });

  it('finds people with F1 ≥ 0.9', () => {
    const s = scoreOf(people.tp, people.fp, people.fn);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('finds organisations with F1 ≥ 0.85', () => {
    expect(scoreOf(orgs.tp, orgs.fp, orgs.fn).f1).toBeGreaterThanOrEqual(0.85);
  });
});

describe('findEntities', () => {
  it('merges a surname with the full name and keeps the fullest form', () => {
    const es = findEntities({ text: 'Nora Castell founded Brightwave Labs in 2019. Castell said the company would hire 40 engineers.' });
    const nora = es.find((e) => e.type === 'person');
    expect(nora).toMatchObject({ name: 'Nora Castell', count: 2, mentions: ['Castell'] });
    expect(es.filter((e) => e.type === 'person')).toHaveLength(1);
    expect(es.find((e) => e.type === 'organization')?.name).toBe('Brightwave Labs');
  });

  it('maps organisation aliases to one canonical name', () => {
    const es = findEntities({ text: 'Facebook owner Meta Platforms said on Tuesday that Meta would cut costs. Google and Alphabet Inc. shares rose.' });
    const meta = es.find((e) => e.name === 'Meta');
    expect(meta?.type).toBe('organization');
    expect(meta?.count).toBe(3);
    expect(meta?.mentions.sort()).toEqual(['Facebook', 'Meta Platforms']);
    expect(es.map((e) => e.name)).toEqual(expect.arrayContaining(['Google', 'Alphabet']));
  });

  it('separates titles from names and finds products', () => {
    const es = findEntities({ text: 'Meta CEO Mark Zuckerberg showed Llama and the Meta AI assistant, while OpenAI updated ChatGPT.' });
    const byName = new Map(es.map((e) => [e.name, e.type]));
    expect(byName.get('Mark Zuckerberg')).toBe('person');
    expect(byName.get('Meta')).toBe('organization');
    expect(byName.get('Llama')).toBe('product');
    expect(byName.get('Meta AI')).toBe('product');
    expect(byName.get('ChatGPT')).toBe('product');
    expect(byName.has('CEO Mark Zuckerberg')).toBe(false);
  });

  it('ranks the headline entity first by salience', () => {
    const es = findEntities({ title: 'Orbis Robotics raises $40m', text: 'Orbis Robotics raised money. Investors include Sequoia Capital. Sequoia Capital led the round, and Sequoia Capital partner Ana Ruiz joins the board.' });
    expect(es[0]?.name).toBe('Orbis Robotics');
    expect(es[0]?.salience).toBe(1);
    for (const e of es) expect(e.salience).toBeGreaterThan(0);
  });

  it('returns [] for empty, whitespace, title-only and non-English input', () => {
    expect(findEntities({ text: '' })).toEqual([]);
    expect(findEntities({ text: '   \n\n ' })).toEqual([]);
    expect(findEntities({ title: 'Meta names a new CFO', text: '' })).toEqual([]);
    expect(findEntities({ text: 'Le président a nommé un nouveau ministre.', language: 'fr' })).toEqual([]);
    expect(findEntities({ text: '東京で新しい社長が任命された。売上は増加した。' })).toEqual([]);
    expect(findEntities({ text: '1234 5678 !!! ??? ---' })).toEqual([]);
  });

  it('analyses a 2 MB text in bounded time (only its head)', () => {
    const para = 'Mara Velez, the chief executive of Tidewater Analytics, said demand grew. ';
    const text = para.repeat(Math.ceil(2_000_000 / para.length));
    const t0 = performance.now();
    const es = findEntities({ text });
    expect(performance.now() - t0).toBeLessThan(3000);
    const mara = es.find((e) => e.name === 'Mara Velez');
    expect(mara).toBeDefined();
    // Capped: far fewer mentions than the 26k repetitions in the input.
    expect(mara?.count).toBeLessThan(2000);
  });

  it('never throws on random or truncated input', () => {
    const rand = mulberry32(7);
    const alphabet = 'Aa Bb .,;:\'’"()&-\n MrDr CEO of the Inc 12 ÉéЖж中 ';
    for (let i = 0; i < 200; i++) {
      let s = '';
      const n = Math.floor(rand() * 300);
      for (let j = 0; j < n; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(() => findEntities({ text: s })).not.toThrow();
    }
    const real = labeled.map((l) => l.text).join(' ');
    for (let cut = 0; cut < real.length; cut += 301) expect(() => findEntities({ text: real.slice(0, cut) })).not.toThrow();
  });
});

describe.skipIf(!sharedAvailable('seeds'))('findEntities on seed 002', () => {
  it('finds the Meta executives and Meta as the main organisation', () => {
    const text = readFileSync(sharedPath('seeds', '002_d58b627f07bf3a7d.txt'), 'utf8');
    const es = findEntities({ text });
    expect(es[0]).toMatchObject({ name: 'Meta', type: 'organization' });
    const people = es.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['John Hegeman', 'Andrew Bocking', 'Yann LeCun', 'Guy Rosen', 'Mark Zuckerberg']));
    expect(es.find((e) => e.name === 'John Hegeman')?.mentions).toContain('Hegeman');
  });
});
