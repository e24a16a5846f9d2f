/** Summaries and excerpts: extractive TextRank, lead fallback, optional LLM client (docs/summaries.md). */
export {
  summarize,
  MAX_SUMMARY_CHARS,
  MAX_CANDIDATES,
  type SummaryInput,
  type SummaryOptions,
  type SummaryResult,
  type SummaryMethod,
} from './summarize.js';
export { makeExcerpt, cutAtWord } from './make-excerpt.js';
export { splitSentences, type SentenceSpan } from './split-sentences.js';
export { rankSentences, tokenizeSentence, type RankOptions } from './rank-sentences.js';
export { isBoilerplate, isQuoteOnly, isMeaningful } from './sentence-filters.js';
export { createExtractiveSummarizer, type Summarizer } from './summarizer.js';
export { createSummarizer } from './summarizer.js';
export { createOpenAiSummarizer, type OpenAiSummarizerOptions } from './openai-summarizer.js';
