import { describe, expect, it } from 'vitest';
import type { Move } from './move.js';
import { mergeMoves, type SourcedMove } from './merge-moves.js';

const move = (over: Partial<Move>): Move => ({ person: 'Andrew Bocking', change: 'appointed', status: 'confirmed', evidence: 'x', ...over });
const src = (m: Partial<Move>, source: string, publishedDateTime?: string): SourcedMove => ({ move: move(m), source, ...(publishedDateTime ? { publishedDateTime } : {}) });

describe('mergeMoves', () => {
  it('merges one move reported by ten outlets into one move with ten sources', () => {
    const reports = Array.from({ length: 10 }, (_, i) => src({ role: i % 2 ? 'Chief Revenue Officer' : undefined, organization: 'Meta' }, `outlet-${i}`, `2025-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`));
    const merged = mergeMoves(reports);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.sources).toHaveLength(10);
    expect(merged[0]).toMatchObject({ role: 'Chief Revenue Officer', organization: 'Meta', firstReported: '2025-11-10', lastReported: '2025-11-19' });
  });

  it('treats appointed/joined/promoted as one arrival and upgrades a rumour that is later confirmed', () => {
    const merged = mergeMoves([
      src({ change: 'joined', status: 'rumoured', person: 'Andrew Bocking' }, 'a', '2025-03-01T00:00:00Z'),
      src({ change: 'appointed', status: 'confirmed', person: 'Andrew R. Bocking' }, 'b', '2025-03-05T00:00:00Z'),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.status).toBe('confirmed');
    expect(merged[0]?.person).toBe('Andrew R. Bocking');
  });

  it('keeps moves apart when roles, organisations, kinds or dates disagree', () => {
    const merged = mergeMoves([
      src({ role: 'Chief Revenue Officer', organization: 'Meta' }, 'a', '2025-01-01T00:00:00Z'),
      src({ role: 'Chief Executive Officer', organization: 'Meta' }, 'b', '2025-01-02T00:00:00Z'),
      src({ organization: 'Google' }, 'c', '2025-01-03T00:00:00Z'),
      src({ change: 'departed', organization: 'Meta' }, 'd', '2025-01-04T00:00:00Z'),
      src({ role: 'Chief Revenue Officer', organization: 'Meta' }, 'e', '2026-06-01T00:00:00Z'),
    ]);
    expect(merged).toHaveLength(5);
  });

  it('counts a source once even if it reports the move twice', () => {
    const merged = mergeMoves([src({}, 'a'), src({}, 'a')]);
    expect(merged[0]?.sources).toEqual(['a']);
  });
});
