import { summarize, type SummaryInput, type SummaryOptions, type SummaryResult } from './summarize.js';

/**
 * A summariser the pipeline can swap: extractive by default, an LLM client when the operator
 * configures one. Implementations never reject: a failure yields a result with a `reason`.
 */
export interface Summarizer {
  summarize(input: SummaryInput, options?: SummaryOptions): Promise<SummaryResult>;
}

/** The default summariser: TextRank extractive ({@link summarize}), no network. */
export function createExtractiveSummarizer(): Summarizer {
  return {
    summarize: async (input, options) => summarize(input, options),
  };
}
