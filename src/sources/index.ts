/**
 * Sources (issue 3 §2, §4, §7): pure pieces of following feeds — the subscription key, teaser
 * detection, merging a fetched page into a feed item, when to poll next — and the scheduler
 * loop. The wiring (fetch, store) is in src/services/poll-sources.ts. See docs/sources.md.
 */
export { canonicalFeedUrl, isHttpUrl } from './canonical-feed-url.js';
export { needsFullText, TEASER_MAX_CHARS } from './needs-full-text.js';
export { mergePageIntoItem } from './merge-page-item.js';
export { scheduleAfterFailure, scheduleAfterSuccess, MAX_BACKOFF_MS } from './schedule-next-check.js';
export {
  createSourceScheduler,
  systemTimer,
  type SchedulerTimer,
  type SourceScheduler,
  type SourceSchedulerOptions,
} from './create-source-scheduler.js';
