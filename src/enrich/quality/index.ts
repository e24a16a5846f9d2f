/** Quality score: how complete and trustworthy an item is, 0..100 with reasons (docs/quality.md). */
export { scoreQuality, formatReason, QUALITY_WEIGHTS, type QualityInput, type QualityReason, type QualityResult, type QualityOptions } from './score-quality.js';
export {
  loadProviderTable,
  parseProviderTable,
  compileProviderTable,
  lookupReputation,
  normaliseDomain,
  DEFAULT_PROVIDERS_PATH,
  NEUTRAL_REPUTATION,
  type ProviderTable,
  type ProviderEntry,
  type ReputationMatch,
} from './provider-table.js';
export { findHeadlineCues, type HeadlineCue } from './headline-signals.js';
export { findPaywallCues, findTruncation, countWords } from './text-signals.js';
