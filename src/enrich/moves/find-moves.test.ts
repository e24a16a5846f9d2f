import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedAvailable, sharedPath } from '../../../test/support/shared.js';
import { findMoves } from './find-moves.js';
import { findRoles } from './find-roles.js';
import { scoreMoves, type GoldMove } from './score-moves.js';

const FIXTURE = join(import.meta.dirname, '../../../test/fixtures/moves/sentences.jsonl');
interface Labeled {
  text: string;
  date?: string;
  moves: GoldMove[];
}
const labeled: Labeled[] = readFileSync(FIXTURE, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Labeled);

describe('findMoves on the labeled sentences', () => {
  const score = scoreMoves(labeled.map((r) => ({ found: findMoves({ text: r.text, publishedDateTime: r.date }), gold: r.moves })));

  it('has at least 40 move sentences plus negatives', () => {
    expect(labeled.filter((r) => r.moves.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(labeled.filter((r) => r.moves.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it('reaches precision ≥ 0.9 and recall ≥ 0.8', () => {
    expect(score.precision, score.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(score.recall, score.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('agrees on status and date for ≥ 90% of matched moves', () => {
    expect(score.statusAgree / score.matched).toBeGreaterThanOrEqual(0.9);
    expect(score.dateAgree / score.matched).toBeGreaterThanOrEqual(0.9);
  });

  it('finds no move in the negative sentences', () => {
    for (const r of labeled.filter((x) => x.moves.length === 0)) expect(findMoves({ text: r.text }), r.text).toEqual([]);
  });
});

describe('findMoves', () => {
  it('resolves "He" to the last person named and links successor and predecessor', () => {
    const text = 'Corran Vale, the chief financial officer of Tamsin Bank, is retiring. He will be replaced by Odile Brandt in May.';
    const moves = findMoves({ text, publishedDateTime: '2025-02-10T08:00:00Z' });
    const vale = moves.find((m) => m.person === 'Corran Vale');
    const brandt = moves.find((m) => m.person === 'Odile Brandt');
    expect(vale).toMatchObject({ change: 'departed', role: 'Chief Financial Officer', organization: 'Tamsin Bank', replacedBy: 'Odile Brandt' });
    expect(brandt).toMatchObject({ change: 'appointed', replaces: 'Corran Vale', role: 'Chief Financial Officer', organization: 'Tamsin Bank', status: 'planned', date: '2025-05' });
  });

  it('tells rumoured, planned and confirmed apart', () => {
    const of = (text: string): string | undefined => findMoves({ text })[0]?.status;
    expect(of('Bram Okafor is reportedly leaving Kelpie Systems.')).toBe('rumoured');
    expect(of('Bram Okafor is in talks to join Kelpie Systems as CTO, according to people familiar with the plans.')).toBe('rumoured');
    expect(of('Bram Okafor will step down as CTO of Kelpie Systems next month.')).toBe('planned');
    expect(of('Bram Okafor is set to leave Kelpie Systems.')).toBe('planned');
    expect(of('Bram Okafor stepped down as CTO of Kelpie Systems.')).toBe('confirmed');
  });

  it('dates moves relative to the article', () => {
    const date = (text: string): string | undefined => findMoves({ text, publishedDateTime: '2025-11-20T10:00:00Z' })[0]?.date;
    expect(date('Kelpie Systems named Bram Okafor CTO on Monday.')).toBe('2025-11-17');
    expect(date('Kelpie Systems named Bram Okafor CTO, effective January 1.')).toBe('2026-01-01');
    expect(date('Bram Okafor joined Kelpie Systems in March.')).toBe('2025-03');
    expect(date('Bram Okafor joined Kelpie Systems.')).toBe('2025-11-20');
    expect(findMoves({ text: 'Bram Okafor joined Kelpie Systems.' })[0]?.date).toBeUndefined();
  });

  it('returns [] for empty, huge-without-moves, foreign and title-only input', () => {
    expect(findMoves({ text: '' })).toEqual([]);
    expect(findMoves({ title: 'Acme names Jane Doe CEO', text: '' })).toEqual([]);
    expect(findMoves({ text: 'Der Vorstand hat Anna Schmidt zur Chefin ernannt.', language: 'de' })).toEqual([]);
    expect(findMoves({ text: 'غادر المدير التنفيذي الشركة' })).toEqual([]);
    const big = 'Revenue at Orrin Freight rose again, chief executive Lia Moss said. '.repeat(30_000);
    const t0 = performance.now();
    expect(findMoves({ text: big })).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe.skipIf(!sharedAvailable('seeds'))('findMoves on seed 002 (Meta executives)', () => {
  const text = sharedAvailable('seeds') ? readFileSync(sharedPath('seeds', '002_d58b627f07bf3a7d.txt'), 'utf8') : '';
  const moves = findMoves({ text });
  const of = (person: string) => moves.find((m) => m.person === person);

  it('John Hegeman, Chief Revenue Officer of Meta, departed to start his own company, replaced by Andrew Bocking', () => {
    expect(of('John Hegeman')).toMatchObject({ change: 'departed', role: 'Chief Revenue Officer', organization: 'Meta', destination: 'own company', replacedBy: 'Andrew Bocking', status: 'confirmed' });
  });

  it('Andrew Bocking is appointed Chief Revenue Officer, replacing John Hegeman', () => {
    expect(of('Andrew Bocking')).toMatchObject({ change: 'appointed', role: 'Chief Revenue Officer', organization: 'Meta', replaces: 'John Hegeman', status: 'confirmed' });
    expect(of('Andrew Bocking')?.evidence).toMatch(/replaced by Andrew Bocking/);
  });

  it('Yann LeCun, Chief AI Scientist, departs (announced: planned)', () => {
    expect(of('Yann LeCun')).toMatchObject({ change: 'departed', role: 'Chief AI Scientist', organization: 'Meta', status: 'planned' });
  });

  it('Guy Rosen, CISO, is reassigned to a role focused on AI', () => {
    const rosen = of('Guy Rosen');
    expect(rosen).toMatchObject({ change: 'reassigned', role: 'Chief Information Security Officer', organization: 'Meta', status: 'confirmed' });
    expect(rosen?.destination).toMatch(/role focused on AI/);
  });

  it('reports exactly these four people and no move for Mark Zuckerberg, who has a role', () => {
    expect(moves.map((m) => m.person).sort()).toEqual(['Andrew Bocking', 'Guy Rosen', 'John Hegeman', 'Yann LeCun']);
    expect(findRoles({ text })).toEqual([{ person: 'Mark Zuckerberg', role: 'Chief Executive Officer', organization: 'Meta', source: 'gazetteer' }]);
  });
});
