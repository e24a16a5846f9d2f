import type { StoriesRepository } from '../store/stories.js';

/** The story an article belongs to, as Heatwire's fields show it (`heatwire.story`). */
export interface ArticleStory {
  id: string;
  title: string;
  /** The stored heat (scored when the story last changed); `heatwire stories` rescores at read time. */
  heat: number;
  articles: number;
}

/** Looks up an article's story (following merges), or null when it has none. */
export function createStoryLookup(repo: Pick<StoriesRepository, 'storyOfArticle' | 'getStory'>) {
  return async (articleId: string): Promise<ArticleStory | null> => {
    const storyId = await repo.storyOfArticle(articleId);
    const story = storyId ? await repo.getStory(storyId) : null;
    return story ? { id: story.id, title: story.title, heat: story.heat, articles: story.articleCount } : null;
  };
}

/** Adds `story` to a presented record's `heatwire` block (only when that block is there). */
export function withStory<R extends Record<string, unknown>>(record: R, story: ArticleStory | null): R {
  const block = record.heatwire;
  if (!story || !block || typeof block !== 'object') return record;
  return { ...record, heatwire: { ...(block as Record<string, unknown>), story } };
}
