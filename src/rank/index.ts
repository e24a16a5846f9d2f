/** Heat and timelines: pure functions of their inputs and `now` (docs/heat.md). */
export { computeHeat, foldName, type Heat, type HeatArticle, type HeatStory, type HeatTrend } from './compute-heat.js';
export { computeArticleHeat, ARTICLE_HEAT_FLOOR, type ArticleHeatInput } from './compute-article-heat.js';
export { HeatOptionsSchema, resolveHeatOptions, type HeatOptions, type HeatOptionsInput } from './heat-options.js';
export {
  buildTimeline,
  TimelineOptionsSchema,
  type TimelineDay,
  type TimelineEntry,
  type TimelineFilter,
  type TimelineOptions,
  type TimelineStory,
} from './build-timeline.js';
