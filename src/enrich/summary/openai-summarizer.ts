import { z } from 'zod';
import { cutAtWord } from './make-excerpt.js';
import { splitSentences } from './split-sentences.js';
import { summarize, type SummaryInput, type SummaryOptions, type SummaryResult } from './summarize.js';
import type { Summarizer } from './summarizer.js';

/** Settings of the OpenAI-compatible client. Nothing here is read from the environment. */
export interface OpenAiSummarizerOptions {
  /** API root, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:8000/v1`. */
  baseUrl: string;
  /** Bearer token; omit for local servers that need none. */
  apiKey?: string;
  model: string;
  /** Whole request, connect to last byte. Default 20,000 ms. */
  timeoutMs?: number;
  /** Injected fetch (tests, proxies); default the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Characters of article text sent at most (cost and context bound). Default 12,000. */
  maxInputChars?: number;
}

/** The part of a chat-completions reply we read (OpenAI API reference, "The chat completion object"). */
const ChatCompletionSchema = z.looseObject({
  choices: z
    .array(z.looseObject({ message: z.looseObject({ content: z.string().nullable().optional() }) }))
    .min(1, 'no choices in the reply'),
});

/** Longest summary accepted from a model; longer answers are cut at a word boundary. */
const MAX_SUMMARY_CHARS = 1_200;

/**
 * A {@link Summarizer} backed by an OpenAI-compatible `POST {baseUrl}/chat/completions`.
 * Off by default (the operator must configure it). Never rejects: on a timeout, an HTTP error or
 * a malformed reply it returns the extractive summary, with `reason` naming the failure.
 */
export function createOpenAiSummarizer(options: OpenAiSummarizerOptions): Summarizer {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxInput = options.maxInputChars ?? 12_000;
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;

  return {
    async summarize(input: SummaryInput, summaryOptions: SummaryOptions = {}): Promise<SummaryResult> {
      const text = typeof input?.text === 'string' ? input.text.trim() : '';
      // Nothing to summarise: the extractive answer ('none', with its reason) costs no tokens.
      if (!text) return summarize(input, summaryOptions);
      const k = summaryOptions.sentences === 2 ? 2 : 3;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetchImpl(endpoint, {
          method: 'POST',
          signal: controller.signal,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify(requestBody(options.model, input.title, text.slice(0, maxInput), k, input.language)),
        });
        if (!response.ok) {
          await response.body?.cancel();
          return fallback(input, summaryOptions, `HTTP ${response.status}`);
        }
        let json: unknown;
        try {
          json = await response.json();
        } catch {
          return fallback(input, summaryOptions, 'reply is not JSON');
        }
        const parsed = ChatCompletionSchema.safeParse(json);
        if (!parsed.success) return fallback(input, summaryOptions, `unexpected reply: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`);
        const content = cleanAnswer(parsed.data.choices[0]!.message.content ?? '');
        if (!content) return fallback(input, summaryOptions, 'empty answer');
        const summary = cutAtWord(content, MAX_SUMMARY_CHARS);
        return { summary, sentences: splitSentences(summary).map((s) => s.text), method: 'llm' };
      } catch (err) {
        const why = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : `request failed: ${(err as Error).message}`;
        return fallback(input, summaryOptions, why);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function requestBody(model: string, title: string | undefined, text: string, k: number, language?: string): unknown {
  const lang = language && language !== 'und' ? ` Write in the article's language (${language}).` : " Write in the article's language.";
  return {
    model,
    temperature: 0.2,
    max_tokens: 300,
    messages: [
      {
        role: 'system',
        content: `You summarise news articles in ${k} plain sentences: who did what, when, and why it matters. Use only facts stated in the article; no preamble, no bullet points, no opinions.${lang}`,
      },
      { role: 'user', content: `${title ? `Title: ${title}\n\n` : ''}${text}` },
    ],
  };
}

/** Strips a "Summary:" preamble, wrapping quotes and Markdown bullets that models add anyway. */
function cleanAnswer(content: string): string {
  return content
    .trim()
    .replace(/^(?:summary|here is (?:a|the) summary)[^:\n]{0,40}:\s*/i, '')
    .replace(/^["“](.*)["”]$/s, '$1')
    .replace(/^\s*[-*•]\s+/gm, '')
    .replace(/\s*\n+\s*/g, ' ')
    .trim();
}

function fallback(input: SummaryInput, options: SummaryOptions, why: string): SummaryResult {
  const extractive = summarize(input, options);
  return { ...extractive, reason: `LLM summariser failed (${why}); ${extractive.reason ?? `extractive ${extractive.method} summary`}` };
}
