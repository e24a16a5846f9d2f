import { describe, expect, it } from 'vitest';
import { generateStoryCorpus } from '../../bench/generate-story-corpus.js';
import { assignStory, type StoryArticle } from './assign-story.js';
import { clusterArticle, createClusterState } from './cluster-article.js';
import { mergeStories, splitStory } from './edit-stories.js';
import { scoreBCubed } from './score-bcubed.js';
import { createStoryIndex } from './story-index.js';
import { describeStory } from './story-state.js';

function runCorpus(articles: number, seed: number): { predicted: Map<string, string>; truth: Map<string, string>; dupHits: number; dupPlanted: number } {
  const { items, truth } = generateStoryCorpus({ articles, seed, eventsPerDay: 10 });
  const state = createClusterState();
  const predicted = new Map<string, string>();
  const expected = new Map<string, string>();
  let dupHits = 0;
  let dupPlanted = 0;
  items.forEach((item, i) => {
    const t = truth[i]!;
    const out = clusterArticle(
      { id: t.id, title: item.title, lead: item.excerpt, text: item.text, publishedAt: item.publishedDateTime, provider: item.provider.domain },
      state,
      Date.parse(item.publishedDateTime),
    );
    predicted.set(t.id, out.storyId);
    expected.set(t.id, t.story);
    if (t.duplicateOf) dupPlanted++;
    if (t.duplicateOf && out.duplicate?.of === t.duplicateOf && out.duplicate.relation === t.relation) dupHits++;
  });
  return { predicted, truth: expected, dupHits, dupPlanted };
}

const day = (d: number, h = 9): string => new Date(Date.UTC(2024, 2, d, h)).toISOString();
const now = Date.UTC(2024, 5, 1);
const art = (id: string, title: string, lead: string, publishedAt: string, provider = 'a.example'): StoryArticle => ({ id, title, lead, publishedAt, provider });

describe('scoreBCubed', () => {
  it('is 1 for a perfect clustering and penalises lumping and splitting', () => {
    const truth = new Map([['1', 'x'], ['2', 'x'], ['3', 'y']]);
    expect(scoreBCubed(new Map([['1', 'a'], ['2', 'a'], ['3', 'b']]), truth).f1).toBe(1);
    const lumped = scoreBCubed(new Map([['1', 'a'], ['2', 'a'], ['3', 'a']]), truth);
    expect(lumped.recall).toBe(1);
    expect(lumped.precision).toBeCloseTo(5 / 9);
    expect(scoreBCubed(new Map([['1', 'a'], ['2', 'b'], ['3', 'c']]), truth).precision).toBe(1);
  });
});

describe('assignStory on a planted corpus', () => {
  it('reaches B-cubed F1 ≥ 0.9 and finds the planted duplicates', () => {
    const run = runCorpus(600, 3);
    const score = scoreBCubed(run.predicted, run.truth);
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
    expect(run.dupPlanted).toBeGreaterThan(20);
    expect(run.dupHits / run.dupPlanted).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic: the same corpus gives the same stories', () => {
    expect([...runCorpus(300, 5).predicted]).toEqual([...runCorpus(300, 5).predicted]);
  });
});

describe('assignStory behaviour', () => {
  it('joins coverage of one event, keeps other events and far-apart dates apart, ids stay stable', () => {
    const index = createStoryIndex();
    const first = assignStory(art('p1', 'Quillon Rail orders forty hydrogen trains', 'Quillon Rail ordered forty hydrogen trains from Marrow Works.', day(1)), index, now);
    expect(first).toEqual({ storyId: 's-p1', created: true });
    const second = assignStory(art('p2', 'Marrow Works wins Quillon Rail hydrogen train order', 'Forty hydrogen trains for Quillon Rail will come from Marrow Works.', day(1, 15), 'b.example'), index, now);
    expect(second).toEqual({ storyId: 's-p1', created: false });
    const other = assignStory(art('p3', 'Bakery chain Sunloaf opens ten shops', 'Sunloaf opened ten new bakeries across the north.', day(2)), index, now);
    expect(other.created).toBe(true);
    const late = assignStory(art('p4', 'Quillon Rail orders forty hydrogen trains', 'Quillon Rail ordered forty hydrogen trains from Marrow Works.', day(20)), index, now);
    expect(late.storyId).not.toBe('s-p1');
    // Idempotent: assigning again changes nothing.
    expect(assignStory(art('p2', 'x', 'y', day(1)), index, now)).toEqual({ storyId: 's-p1', created: false });
    const view = describeStory(index.getStory('s-p1')!);
    expect(view.articleIds).toEqual(['p1', 'p2']);
    expect(view.providers.sort()).toEqual(['a.example', 'b.example']);
    expect(view.firstSeen).toBe(day(1));
    expect(view.lastSeen).toBe(day(1, 15));
  });

  it('merges two stories when an article bridges both, keeping the older id', () => {
    const index = createStoryIndex();
    assignStory(art('m1', 'Ostrava Mining strike halts copper output', 'Workers at Ostrava Mining stopped copper output in a strike over pay.', day(3)), index, now, { joinThreshold: 0.9 });
    assignStory(art('m2', 'Copper output halted at Ostrava Mining by strike', 'A pay strike at Ostrava Mining halted copper output.', day(3, 12)), index, now, { joinThreshold: 0.9 });
    expect(index.storyOf('m1')).not.toBe(index.storyOf('m2'));
    const bridge = assignStory(art('m3', 'Ostrava Mining strike halts copper output', 'A pay strike by workers at Ostrava Mining halted copper output.', day(3, 18)), index, now, { joinThreshold: 0.3, mergeThreshold: 0.3 });
    expect(bridge.storyId).toBe('s-m1');
    expect(bridge.merged).toEqual(['s-m2']);
    expect(index.storyOf('m2')).toBe('s-m1');
    expect(index.getStory('s-m2')?.id).toBe('s-m1');
  });

  it('respects editor split (cannot-link) and merge (must-link) in later assignment', () => {
    const index = createStoryIndex();
    const a = (id: string, h: number, extra: string): StoryArticle => art(id, `Velmar Bank fined over ${extra}`, `Regulators fined Velmar Bank over ${extra}.`, day(5, h));
    // A loose join threshold lumps two fines into one story, as a weak clusterer might.
    for (const [id, h, what] of [['x1', 1, 'card fees'], ['x2', 2, 'card fees'], ['x3', 3, 'data leak'], ['x4', 4, 'data leak']] as const) {
      assignStory(a(id, h, what), index, now, { joinThreshold: 0.1 });
    }
    expect(new Set(['x1', 'x2', 'x3', 'x4'].map((id) => index.storyOf(id))).size).toBe(1);
    const { storyId, newStoryId } = splitStory(index, 's-x1', ['x3', 'x4'], new Date(now));
    expect(newStoryId).toBe('s-x3');
    expect(index.getStory(storyId)!.articleIds).toEqual(['x1', 'x2']);
    // A later article close to both may join one, but must never merge them back.
    const bridge = assignStory(art('x5', 'Velmar Bank fined over card fees and data leak', 'Regulators fined Velmar Bank over card fees and a data leak.', day(5, 6)), index, now, { joinThreshold: 0.1, mergeThreshold: 0.1 });
    expect(bridge.merged).toBeUndefined();
    expect(index.getStory('s-x1')!.id).not.toBe(index.getStory('s-x3')!.id);
    expect(index.constraints().map((c) => c.kind)).toEqual(['cannot-link']);
    // The editor can still merge them; the decision is recorded and lifts the cannot-link.
    expect(mergeStories(index, 's-x3', 's-x1', new Date(now))).toEqual({ storyId: 's-x1', merged: ['s-x3'] });
    expect(index.storyOf('x4')).toBe('s-x1');
    expect(index.constraints().map((c) => c.kind)).toEqual(['cannot-link', 'must-link']);
    expect(() => splitStory(index, 's-x1', ['nope'])).toThrow(/not in story/);
    expect(() => mergeStories(index, 's-x1', 's-unknown')).toThrow(/no such item/);
  });

  it('treats a same-site repeat as the same article and a syndicated copy as its own article', () => {
    const state = createClusterState();
    const text = 'Pellan Airways will add direct flights to Corvo next month, its chief said. The route runs four times a week with new narrow-body jets. Fares start low to win travellers from the ferry. The airline expects the route to be full by summer.';
    const base = { title: 'Pellan Airways adds Corvo route', lead: 'Pellan Airways adds flights.', text, publishedAt: day(8) };
    const o1 = clusterArticle({ ...base, id: 'f1', provider: 'pellan-news.example' }, state, now);
    const o2 = clusterArticle({ ...base, id: 'f2', provider: 'pellan-news.example' }, state, now);
    const o3 = clusterArticle({ ...base, id: 'f3', provider: 'wire.example' }, state, now);
    expect(o1.duplicate).toBeNull();
    expect(o2.duplicate).toMatchObject({ of: 'f1', relation: 'same-article' });
    expect(o3.duplicate).toMatchObject({ of: 'f1', relation: 'copy-of' });
    expect(o2.storyId).toBe(o1.storyId);
    expect(o3.storyId).toBe(o1.storyId);
    expect(state.stories.getStory(o1.storyId)!.articleIds).toEqual(['f1', 'f3']);
  });
});
