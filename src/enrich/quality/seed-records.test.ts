import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sharedAvailable, sharedPath } from '../../../test/support/shared.js';
import { loadProviderTable } from './provider-table.js';
import { scoreQuality, type QualityInput } from './score-quality.js';

// The seed records carry no full text: every one is an excerpt-only item and must score as such,
// with reasons that add up, and nested `related` records must score too.
describe.skipIf(!sharedAvailable('seeds'))('scoreQuality on the seed records', () => {
  const table = loadProviderTable();
  const records: QualityInput[] = [];
  for (const file of sharedAvailable('seeds') ? readdirSync(sharedPath('seeds')) : []) {
    const text = readFileSync(sharedPath('seeds', file), 'utf8');
    const m = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!m) continue;
    const record = parseYaml(m[1]!) as QualityInput & { related?: QualityInput[] };
    records.push(record, ...(record.related ?? []));
  }

  it('scores every record and related record, excerpt-only items below 60', () => {
    expect(records.length).toBeGreaterThan(3);
    for (const r of records) {
      const { score, reasons } = scoreQuality(r, table, { now: Date.parse('2023-09-01T00:00:00Z') });
      expect(reasons.reduce((s, x) => s + x.points, 0)).toBe(score);
      expect(reasons.some((x) => x.signal === 'completeness')).toBe(true);
      expect(score).toBeLessThan(60);
    }
  });
});
