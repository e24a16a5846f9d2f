import { describe, expect, it } from 'vitest';
import { createTextGenerator, TOPIC_WORDS } from '../../bench/synthetic-text.js';

/** The ingest benchmark's figure is only as honest as its text: these pin what makes it realistic. */
describe('bench text generator', () => {
  const texts = (() => {
    const g = createTextGenerator(42);
    return Array.from({ length: 2000 }, () => g.text(3000));
  })();
  const wordsOf = (t: string): string[] => t.toLowerCase().match(/\p{L}+/gu) ?? [];

  it('gives the same texts for the same seed and different ones for another', () => {
    expect(createTextGenerator(42).text(3000)).toBe(texts[0]);
    expect(createTextGenerator(43).text(3000)).not.toBe(texts[0]);
  });

  it('does not repeat itself: 2,000 texts use well over 20,000 distinct words (a short-cycle PRNG gave 4,003 for 20,000)', () => {
    const distinct = new Set(texts.flatMap(wordsOf));
    expect(distinct.size).toBeGreaterThan(20_000);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('follows Zipf like real text: function words lead, topic words are in most texts', () => {
    const counts = new Map<string, number>();
    for (const w of texts.flatMap(wordsOf)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([w]) => w);
    expect(top).toEqual(['the', 'of', 'and']);
    for (const topic of TOPIC_WORDS) {
      const share = texts.filter((t) => wordsOf(t).includes(topic)).length / texts.length;
      expect(share, topic).toBeGreaterThan(0.8);
    }
    const perText = wordsOf(texts[0]!).length;
    expect(perText).toBeGreaterThan(350); // ~3 KB of words of natural length
    expect(perText).toBeLessThan(550);
  });

  it('is not pure ASCII, as real news is not: most texts have typographic punctuation, some names accents', () => {
    const typographic = texts.filter((t) => /[’“”—]/.test(t)).length / texts.length;
    expect(typographic).toBeGreaterThan(0.7);
    expect(typographic).toBeLessThan(0.9);
    const accented = texts.filter((t) => /[éèáíóüöäñç]/.test(t)).length / texts.length;
    expect(accented).toBeGreaterThan(0.5);
    // The rest type their punctuation in ASCII: apostrophes and quotes are still there.
    const plain = texts.filter((t) => !/[’“”—]/.test(t));
    expect(plain.every((t) => t.includes('"') || t.includes("'"))).toBe(true);
  });
});
