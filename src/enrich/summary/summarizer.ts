import { createOpenAiSummarizer, type OpenAiSummarizerOptions } from './openai-summarizer.js';
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

/**
 * The summariser for a configuration: extractive unless `llm` settings are given (the LLM is off
 * by default; the composition root passes settings from Config, never from process.env here).
 */
export function createSummarizer(config: { llm?: OpenAiSummarizerOptions | null } = {}): Summarizer {
  return config.llm ? createOpenAiSummarizer(config.llm) : createExtractiveSummarizer();
}
