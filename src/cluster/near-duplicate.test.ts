import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../core/errors.js';
import { findNearDuplicate } from './find-near-duplicate.js';
import { createLshIndex } from './lsh-index.js';
import { estimateJaccard, isNearDuplicate, minhashSignature } from './minhash-signature.js';

interface Case {
  name: string;
  text: string;
  replace?: [string, string];
  transform?: string;
  duplicate: boolean;
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/cluster/near-duplicates.json', import.meta.url), 'utf8')) as { base: string; cases: Case[] };

function textOf(c: Case): string {
  let t = c.text.replace('{base}', fixture.base);
  if (c.replace) t = t.replace(c.replace[0], c.replace[1]);
  if (c.transform === 'upper-accents') t = t.toUpperCase().replace(/E/g, 'É');
  return t;
}

describe('near-duplicates (MinHash + LSH)', () => {
  const base = minhashSignature(fixture.base);

  it.each(fixture.cases)('$name → duplicate=$duplicate', (c) => {
    const sig = minhashSignature(textOf(c));
    expect(isNearDuplicate(base, sig)).toBe(c.duplicate);
    const index = createLshIndex();
    index.add('base', base);
    const found = findNearDuplicate({ id: 'x', provider: 'other.example', signature: sig }, index, () => ({ provider: 'harbour.example', signature: base }));
    expect(found !== null).toBe(c.duplicate);
  });

  it('is deterministic and estimates Jaccard within noise', () => {
    expect(minhashSignature(fixture.base)).toEqual(base);
    expect(estimateJaccard(base, base)).toBe(1);
    const other = minhashSignature(textOf(fixture.cases[5]!));
    expect(estimateJaccard(base, other)).toBeLessThan(0.1);
  });

  it('names the relation by provider: same site = same article, other site = copy', () => {
    const index = createLshIndex();
    index.add('orig', base);
    const lookup = (): { provider: string; signature: Uint32Array } => ({ provider: 'www.Harbour.example', signature: base });
    expect(findNearDuplicate({ id: 'n', provider: 'harbour.example', signature: base }, index, lookup)?.relation).toBe('same-article');
    expect(findNearDuplicate({ id: 'n', provider: 'wire.example', signature: base }, index, lookup)?.relation).toBe('copy-of');
    // An article is never its own duplicate.
    expect(findNearDuplicate({ id: 'orig', provider: 'harbour.example', signature: base }, index, lookup)).toBeNull();
  });

  it('returns only LSH candidates, removes, and round-trips through serialize/load', () => {
    const index = createLshIndex();
    const unrelated = minhashSignature(textOf(fixture.cases[5]!));
    index.add('a', base);
    index.add('b', unrelated);
    expect(index.candidates(minhashSignature(`${fixture.base} Sign up for our newsletter.`))).toEqual(['a']);
    const copy = createLshIndex();
    copy.load(JSON.parse(JSON.stringify(index.serialize())));
    expect(copy.candidates(base)).toEqual(['a']);
    expect(copy.serialize().buckets).toHaveLength(32);
    index.remove('a');
    expect(index.candidates(base)).toEqual([]);
    expect(index.serialize().buckets).toHaveLength(16);
  });

  it('rejects bad state and mismatched signatures with catalogue errors', () => {
    const index = createLshIndex();
    expect(() => index.load({ bands: 'x' })).toThrow(HeatwireError);
    expect(() => index.add('a', new Uint32Array(10))).toThrow(HeatwireError);
  });
});
