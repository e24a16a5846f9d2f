import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStoryCorpus } from '../../bench/generate-story-corpus.js';
import { runWiredCorpus, type WiredRun } from '../../bench/stories-wired.js';
import { scoreBCubed } from '../cluster/score-bcubed.js';

describe('stories afterStore wired into ingestPaths', () => {
  const { items, truth } = generateStoryCorpus({ articles: 400, seed: 21, eventsPerDay: 10 });
  let run: WiredRun;
  beforeAll(async () => {
    // A small batch size so clustering spans many transactions (resumes from the tables each time).
    run = await runWiredCorpus(items, truth, { batchSize: 50 });
  }, 60_000);
  afterAll(async () => run.cleanup());

  it('forms the planted stories (B-cubed F1 ≥ 0.9)', () => {
    expect(run.summary.failed).toEqual([]);
    const score = scoreBCubed(run.predicted, run.expected);
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
    expect(new Set(run.predicted.values()).size).toBeGreaterThan(10);
  });

  it('links the planted duplicates to their originals', () => {
    const planted = truth.filter((t) => t.duplicateOf).length;
    expect(planted).toBeGreaterThan(10);
    expect(run.duplicates.tp / planted).toBeGreaterThanOrEqual(0.85);
    expect(run.duplicates.tp / (run.duplicates.tp + run.duplicates.fp)).toBeGreaterThanOrEqual(0.9);
  });

  it('writes computed related lists: story mates first, never the article itself', async () => {
    const stories = await run.repo.listStories({ limit: 1000 });
    const big = stories.find((s) => s.articleCount >= 3);
    expect(big).toBeDefined();
    const members = await run.repo.members(big!.id);
    const first = members[0]!.articleId;
    const related = await run.repo.computedRelated(first);
    expect(related.length).toBeGreaterThanOrEqual(2);
    expect(related).not.toContain(first);
    const mateIds = new Set(members.map((m) => m.articleId));
    // The list opens with the story's other articles.
    const prefix = related.slice(0, Math.min(members.length - 1, related.length));
    expect(prefix.every((id) => mateIds.has(id))).toBe(true);
    // Stored with origin 'computed', beside (not instead of) a record's own list.
    const row = run.store.database
      .prepare("SELECT count(*) AS n FROM article_related WHERE origin = 'computed'")
      .get() as { n: number };
    expect(row.n).toBeGreaterThan(items.length);
  });

  it('scores heat for stories (−1 when the coverage is older than the window)', async () => {
    const [story] = await run.repo.listStories({ limit: 1 });
    expect(story!.heat).toBe(-1);
    expect(story!.heatReasons.join(' ')).toMatch(/not scored/);
  });
});
