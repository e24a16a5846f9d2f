import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../core/errors.js';
import { computeArticleHeat } from './compute-article-heat.js';
import { computeHeat, type HeatArticle, type HeatStory } from './compute-heat.js';

const NOW = new Date('2024-05-10T12:00:00Z');
const H = 3_600_000;

/** An article `hoursAgo` before NOW, published and first seen at the same instant. */
function art(hoursAgo: number, provider: string, quality?: number): HeatArticle {
  const iso = new Date(NOW.getTime() - hoursAgo * H).toISOString();
  return { publishedAt: iso, firstSeenAt: iso, provider, quality };
}

/** `n` articles from `n` providers spread over the `hours` before `startAgo`. */
function spread(n: number, startAgo: number, hours: number, quality = 60): HeatArticle[] {
  return Array.from({ length: n }, (_, i) => art(startAgo + (hours * i) / Math.max(1, n), `p${i}`, quality));
}

const at = (hoursLater: number): Date => new Date(NOW.getTime() + hoursLater * H);

describe('computeHeat: more providers ⇒ hotter', () => {
  it.each([
    [1, 2],
    [2, 5],
    [5, 10],
    [10, 20],
  ])('%i providers < %i providers (same times, same quality)', (few, many) => {
    const a = computeHeat({ articles: spread(few, 1, 4) }, NOW);
    const b = computeHeat({ articles: spread(many, 1, 4) }, NOW);
    expect(b.score).toBeGreaterThan(a.score);
  });

  it('repeat articles from one provider do not count as more providers', () => {
    const one = computeHeat({ articles: [art(30, 'a'), art(40, 'a'), art(45, 'a')] }, NOW);
    const three = computeHeat({ articles: [art(30, 'a'), art(40, 'b'), art(45, 'c')] }, NOW);
    expect(three.score).toBeGreaterThan(one.score);
    expect(one.reasons[1]).toBe('1 provider, 3 articles in all');
  });
});

describe('computeHeat: trend', () => {
  it.each<[string, HeatArticle[], 'rising' | 'steady' | 'cooling']>([
    ['burst in the last 6 h after a quiet day', [...spread(6, 0.5, 5), art(20, 'old')], 'rising'],
    ['same pace as the day before', [...spread(2, 1, 4), ...spread(8, 7, 23)], 'steady'],
    ['busy yesterday, one piece lately', [art(2, 'x'), ...spread(12, 7, 20)], 'cooling'],
    ['nothing lately', spread(5, 10, 10), 'cooling'],
    ['a single fresh article', [art(1, 'x')], 'steady'],
  ])('%s', (_name, articles, trend) => {
    expect(computeHeat({ articles }, NOW).trend).toBe(trend);
  });

  it('a rising story is hotter than a cooling one with the same providers', () => {
    const rising = computeHeat({ articles: spread(8, 0.5, 5) }, NOW);
    const cooling = computeHeat({ articles: spread(8, 8, 20) }, NOW);
    expect(rising.trend).toBe('rising');
    expect(cooling.trend).toBe('cooling');
    expect(rising.score).toBeGreaterThan(cooling.score);
  });
});

describe('computeHeat: decay over time', () => {
  it('loses half its heat per half-life once quiet (velocity already zero)', () => {
    const story = { articles: spread(6, 7, 3) };
    const s0 = computeHeat(story, NOW).score;
    const s12 = computeHeat(story, at(12)).score;
    expect(s12).toBeCloseTo(s0 / 2, 0);
    const longer = computeHeat(story, at(12), { halfLifeHours: 24 }).score;
    expect(longer).toBeGreaterThan(s12);
  });

  it('property: never increases as now advances without new coverage', () => {
    let seed = 0x2f6e2b1;
    const rand = (): number => {
      // mulberry32: a tiny seeded PRNG so that a failure reproduces
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const violations: string[] = [];
    for (let story = 0; story < 300; story++) {
      const n = 1 + Math.floor(rand() * 15);
      const articles = Array.from({ length: n }, () => {
        const a = art(rand() * 200, `p${Math.floor(rand() * 8)}`, rand() < 0.2 ? undefined : rand() * 100);
        // some publishers' clocks run ahead of ours: publishedAt after firstSeenAt
        if (rand() < 0.2) a.publishedAt = new Date(Date.parse(a.firstSeenAt) + rand() * 10 * H).toISOString();
        return a;
      });
      const s: HeatStory = { articles, people: ['Ada Lovelace'], watched: { people: ['ada lovelace'], orgs: [] } };
      let previous = Infinity;
      let unscored = false;
      let later = 0;
      for (let step = 0; step < 60; step++) {
        later += rand() * 8;
        const { score } = computeHeat(s, at(later));
        // once unscored (-1) a quiet story stays unscored; while scored it never warms up
        const bad = unscored ? score !== -1 : score !== -1 && score > previous;
        if (bad) violations.push(`story ${story} +${later.toFixed(1)} h: ${previous} -> ${score}`);
        if (score === -1) unscored = true;
        previous = score;
      }
    }
    expect(violations).toEqual([]);
  });
});

describe('computeHeat: not scored (-1)', () => {
  it.each<[string, HeatStory, RegExp]>([
    ['no articles', { articles: [] }, /^no coverage: not scored$/],
    ['no usable dates', { articles: [{ publishedAt: 'soon', firstSeenAt: '', provider: 'a' }] }, /no usable dates/],
    ['last coverage 8 days ago', { articles: spread(9, 8 * 24, 10) }, /^quiet for 8 days: too old/],
    ['one provider, quiet for 3 days', { articles: [art(72, 'a'), art(80, 'a')] }, /^one provider, quiet for 3 days/],
    ['only articles after now', { articles: [art(-2, 'a')] }, /no usable dates/],
  ])('%s', (_name, story, reason) => {
    const heat = computeHeat(story, NOW);
    expect(heat.score).toBe(-1);
    expect(heat.reasons.join(' | ')).toMatch(reason);
  });

  it('two providers quiet for 3 days are still scored, just cold', () => {
    const heat = computeHeat({ articles: [art(72, 'a'), art(73, 'b')] }, NOW);
    expect(heat.score).toBeGreaterThanOrEqual(0);
    expect(heat.score).toBeLessThan(5);
    expect(heat.reasons[0]).toBe('quiet for 3 days, cooling');
  });

  it('rejects an invalid now and invalid options', () => {
    expect(() => computeHeat({ articles: [art(1, 'a')] }, new Date('nope'))).toThrow(HeatwireError);
    expect(() => computeHeat({ articles: [art(1, 'a')] }, NOW, { halfLifeHours: -1 })).toThrow(/halfLifeHours/);
  });
});

describe('computeHeat: dates', () => {
  it('uses firstSeenAt when publishedAt is missing, and the earlier of the two otherwise', () => {
    const seen = new Date(NOW.getTime() - 30 * H).toISOString();
    const onlySeen = computeHeat({ articles: [{ publishedAt: '', firstSeenAt: seen, provider: 'a' }, art(30, 'b')] }, NOW);
    expect(onlySeen.reasons[0]).toBe('quiet for 30 h, cooling');
    // a backfilled article published 4 days ago but first seen now is old news, not new coverage
    const old = new Date(NOW.getTime() - 96 * H).toISOString();
    const backfill = computeHeat({ articles: [{ publishedAt: old, firstSeenAt: NOW.toISOString(), provider: 'a' }] }, NOW);
    expect(backfill.score).toBe(-1);
  });

  it('reads a date-time without an offset as UTC', () => {
    const zoned = computeHeat({ articles: [art(2, 'a'), art(3, 'b')] }, NOW);
    const naive = computeHeat(
      { articles: [art(2, 'a'), art(3, 'b')].map((a) => ({ ...a, publishedAt: a.publishedAt.replace(/\.000Z$/, '') })) },
      NOW,
    );
    expect(naive.score).toBe(zoned.score);
  });
});

describe('computeHeat: quality and watched entities', () => {
  it('better coverage is hotter; only the top k count', () => {
    const weak = computeHeat({ articles: spread(4, 1, 4, 20) }, NOW);
    const strong = computeHeat({ articles: spread(4, 1, 4, 90) }, NOW);
    expect(strong.score).toBeGreaterThan(weak.score);
    expect(strong.reasons).toContain('strong coverage (quality 90)');
    expect(weak.reasons).toContain('thin coverage (quality 20)');
    const withTail = computeHeat({ articles: [...spread(3, 1, 3, 90), art(2, 'tail', 5)] }, NOW, { qualityTopK: 3 });
    expect(withTail.reasons).toContain('strong coverage (quality 90)');
  });

  it.each<[string, HeatStory['watched'], number]>([
    ['no watch list', undefined, 0],
    ['a watched person', { people: ['Grace Hopper'], orgs: [] }, 1],
    ['a watched org, other case and accents', { people: [], orgs: ['ÁCME  corp'] }, 1],
    ['both', { people: ['grace hopper'], orgs: ['Acme Corp'] }, 2],
    ['watched but not mentioned', { people: ['Alan Turing'], orgs: ['Globex'] }, 0],
  ])('%s', (_name, watched, matches) => {
    const articles = spread(3, 1, 4);
    const plain = computeHeat({ articles, people: ['Grace Hopper'], orgs: ['Acme Corp'] }, NOW);
    const heat = computeHeat({ articles, people: ['Grace Hopper'], orgs: ['Acme Corp'], watched }, NOW);
    const expected = Math.min(100, plain.score * (1 + Math.min(0.3, 0.15 * matches)));
    expect(heat.score).toBeCloseTo(expected, 0);
    expect(heat.reasons.some((r) => r.startsWith('watched: '))).toBe(matches > 0);
  });

  it('never exceeds 100', () => {
    const heat = computeHeat(
      { articles: spread(40, 0, 5, 100), people: ['X'], watched: { people: ['X'], orgs: [] } },
      NOW,
    );
    expect(heat.score).toBeLessThanOrEqual(100);
    expect(heat.score).toBeGreaterThan(80);
  });
});

describe('computeHeat: reasons read like a person wrote them', () => {
  it('counts recent providers and names the trend', () => {
    const heat = computeHeat({ articles: [...spread(7, 0.2, 5), art(20, 'p0')] }, NOW);
    expect(heat.reasons[0]).toBe('7 providers in 6 h, rising');
  });
  it('says how long a story has been quiet', () => {
    expect(computeHeat({ articles: [art(14.5, 'a'), art(15, 'b')] }, NOW).reasons[0]).toBe('quiet for 14 h, cooling');
    expect(computeHeat({ articles: [art(0.25, 'a')] }, NOW).reasons[0]).toBe('1 provider in 6 h, steady');
  });
});

describe('computeArticleHeat', () => {
  it.each([
    [{ quality: 100 }, 50, 50],
    [{ quality: 0 }, 50, 40],
    [{}, 50, 45],
    [{ quality: 80 }, -1, -1],
  ])('%o in a story of %d ⇒ %d', (article, story, expected) => {
    expect(computeArticleHeat(article, { score: story })).toBe(expected);
  });
  it('the better article of a story ranks first and none is hotter than its story', () => {
    const story = computeHeat({ articles: spread(5, 1, 4) }, NOW);
    const good = computeArticleHeat({ quality: 90 }, story);
    const poor = computeArticleHeat({ quality: 30 }, story);
    expect(good).toBeGreaterThan(poor);
    expect(good).toBeLessThanOrEqual(story.score);
  });
});
