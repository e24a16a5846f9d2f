import { describe, expect, it } from 'vitest';
import { chooseRelated, insertStoryMate } from './choose-related.js';

const at = (h: number): string => new Date(Date.UTC(2024, 4, 10, h)).toISOString();

describe('chooseRelated', () => {
  const article = { articleId: 'a', publishedAt: at(12) };
  it('puts story mates first (closest in time), then entity/topic matches by score', () => {
    const mates = [
      { articleId: 'm-far', publishedAt: at(1) },
      { articleId: 'm-near', publishedAt: at(11) },
    ];
    const candidates = [
      { articleId: 'topic-only', publishedAt: at(12), sharedTopics: 1, sharedEntities: 0 },
      { articleId: 'entity', publishedAt: at(3), sharedTopics: 0, sharedEntities: 1 },
      { articleId: 'both', publishedAt: at(2), sharedTopics: 1, sharedEntities: 1 },
      { articleId: 'nothing', publishedAt: at(12), sharedTopics: 0, sharedEntities: 0 },
      { articleId: 'm-near', publishedAt: at(11), sharedTopics: 3, sharedEntities: 3 },
    ];
    expect(chooseRelated(article, mates, candidates)).toEqual([
      'm-near',
      'm-far',
      'both',
      'entity',
      'topic-only',
    ]);
  });
  it('never lists the article itself or excluded ids, and stops at the limit', () => {
    const mates = ['a', 'x', 'y', 'z'].map((id, i) => ({ articleId: id, publishedAt: at(i) }));
    expect(chooseRelated(article, mates, [], { exclude: new Set(['y']) })).toEqual(['z', 'x']);
    expect(chooseRelated(article, mates, [], { limit: 1 })).toEqual(['z']);
  });
  it('ranks undated options last and breaks ties by id (deterministic)', () => {
    const c = (id: string, publishedAt: string | null) => ({ articleId: id, publishedAt, sharedTopics: 1 });
    expect(chooseRelated(article, [], [c('q', null), c('p', at(12)), c('o', at(12))])).toEqual([
      'o',
      'p',
      'q',
    ]);
  });
});

describe('insertStoryMate', () => {
  const mate = (id: string) => id.startsWith('m');
  it('inserts after the same-story prefix, before topic matches, and trims to the limit', () => {
    expect(insertStoryMate(['m1', 'm2', 't1', 't2'], 'm3', mate, 4)).toEqual(['m1', 'm2', 'm3', 't1']);
    expect(insertStoryMate([], 'm3', mate)).toEqual(['m3']);
  });
  it('changes nothing when already listed or when the prefix fills the list', () => {
    expect(insertStoryMate(['m1', 'm3'], 'm3', mate)).toBeNull();
    expect(insertStoryMate(['m1', 'm2'], 'm3', mate, 2)).toBeNull();
  });
});
