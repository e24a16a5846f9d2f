import type { Heat } from './compute-heat.js';

/** What per-article heat reads from an article. */
export interface ArticleHeatInput {
  /** 0–100, from enrich/quality; unknown counts as 50. */
  quality?: number;
}

/** Share of the story's heat an article keeps at quality 0; quality 100 keeps all of it. */
export const ARTICLE_HEAT_FLOOR = 0.8;

/**
 * Heat of one article of a story: the story's heat scaled by the article's quality, from 80 %
 * (quality 0) to 100 % (quality 100), so that within a story the better article ranks first and
 * no article is ever hotter than its story. A story that is not scored (`-1`) gives `-1`.
 */
export function computeArticleHeat(article: ArticleHeatInput, storyHeat: Pick<Heat, 'score'>): number {
  if (!(storyHeat.score >= 0)) return -1;
  const q = typeof article.quality === 'number' && Number.isFinite(article.quality) ? article.quality : 50;
  const share = ARTICLE_HEAT_FLOOR + (1 - ARTICLE_HEAT_FLOOR) * (Math.min(100, Math.max(0, q)) / 100);
  return Math.round(Math.min(100, storyHeat.score) * share * 10) / 10;
}
