import { rankSentences, tokenizeSentence } from './rank-sentences.js';
import { isBoilerplate, isQuoteOnly, wordsIn } from './sentence-filters.js';
import { splitSentences, type SentenceSpan } from './split-sentences.js';

/** What to summarise: the text (plain), its headline and language when known. */
export interface SummaryInput {
  title?: string;
  text: string;
  /** ISO 639-1 code; `zh`, `ja`, `th`… (no spaces between words) go straight to lead sentences. */
  language?: string;
}

/** Options of {@link summarize}. */
export interface SummaryOptions {
  /** How many sentences, 2 or 3 (default 3). */
  sentences?: 2 | 3;
}

/** How the summary was made. `llm` only from an LLM summariser (summarizer.ts). */
export type SummaryMethod = 'textrank' | 'lead' | 'none' | 'llm';

/** A summary: the sentences in text order, joined; `reason` says why it is not TextRank. */
export interface SummaryResult {
  summary: string;
  sentences: string[];
  method: SummaryMethod;
  reason?: string;
}

/** Characters of text read at most: news ledes are early, and 2 MB inputs must stay fast. */
export const MAX_SUMMARY_CHARS = 100_000;
/** Candidate sentences considered at most (TextRank is quadratic in this). */
export const MAX_CANDIDATES = 150;
/** Longer "sentences" are run-ons, tables or lists flattened by extraction. */
const MAX_SENTENCE_CHARS = 600;
const MIN_WORDS = 6;

// Languages written without spaces between words: word overlap needs a segmenter we do not run.
const SPACELESS_LANGUAGES = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo']);

/**
 * Extractive summary, TextRank-style: sentences are nodes, TF-IDF cosine similarity the edges,
 * PageRank the score, boosted by similarity to the title and mildly by position; the best 2–3
 * are returned in their original order. Boilerplate, short, run-on and quote-only sentences are
 * skipped. Falls back to the lead sentences (with a `reason`) when TextRank cannot help: few
 * sentences, scripts without word spaces or without stop-word lists (CJK, Arabic, Hebrew,
 * Devanagari…). Returns `method: 'none'` with a reason for empty text or text without sentence
 * punctuation. Never throws; reads at most {@link MAX_SUMMARY_CHARS}.
 *
 * @example summarize({title: 'Harbor Robotics raises €140m', text}).sentences // 3 sentences, text order
 */
export function summarize(input: SummaryInput, options: SummaryOptions = {}): SummaryResult {
  const k = options.sentences === 2 ? 2 : 3;
  const text = typeof input?.text === 'string' ? input.text.slice(0, MAX_SUMMARY_CHARS) : '';
  if (!text.trim()) return none('empty text');
  const all = splitSentences(text);
  const punctuated = all.filter((s) => s.terminated);
  if (!punctuated.length) return none('no sentence punctuation in the text');

  const script = dominantScript(text);
  const lang = (input.language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  if (SPACELESS_LANGUAGES.has(lang) || script === 'spaceless') {
    return lead(punctuated, k, `${script === 'spaceless' ? 'Chinese/Japanese/Thai script' : `language '${lang}'`} has no spaces between words: lead sentences`, script === 'spaceless' ? '' : ' ');
  }
  if (script === 'other') return lead(punctuated, k, 'script without a stop-word list or stemmer (e.g. Arabic, Hebrew, Devanagari): lead sentences');

  const candidates = punctuated
    .filter((s) => s.text.length <= MAX_SENTENCE_CHARS && wordsIn(s.text) >= MIN_WORDS && !isBoilerplate(s.text) && !isQuoteOnly(s.text))
    .slice(0, MAX_CANDIDATES);
  if (candidates.length <= k) {
    const pool = candidates.length ? candidates : punctuated;
    return lead(pool, k, `only ${candidates.length} usable sentence${candidates.length === 1 ? '' : 's'}: lead sentences`);
  }
  const tokens = candidates.map((s) => tokenizeSentence(s.text));
  const scores = rankSentences(tokens, { titleTokens: input.title ? tokenizeSentence(input.title) : [] });
  const best = scores
    .map((score, i) => ({ score, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, k)
    .sort((a, b) => a.i - b.i)
    .map(({ i }) => candidates[i]!.text);
  return { summary: best.join(' '), sentences: best, method: 'textrank' };
}

function none(reason: string): SummaryResult {
  return { summary: '', sentences: [], method: 'none', reason };
}

function lead(pool: SentenceSpan[], k: number, reason: string, joiner = ' '): SummaryResult {
  const usable = pool.filter((s) => !isBoilerplate(s.text));
  const picked = (usable.length ? usable : pool).slice(0, k).map((s) => clip(s.text));
  return { summary: picked.join(joiner), sentences: picked, method: 'lead', reason };
}

/** Caps one lead sentence (a run-on in a script we do not segment) at a word boundary. */
function clip(sentence: string): string {
  if (sentence.length <= MAX_SENTENCE_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_SENTENCE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_SENTENCE_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** 'spaced' (Latin, Cyrillic, Greek: TextRank works), 'spaceless' (CJK, Thai…), or 'other'. */
function dominantScript(text: string): 'spaced' | 'spaceless' | 'other' {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const spaced = sample.match(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/gu)?.length ?? 0;
  const spaceless = sample.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (spaced >= letters * 0.6) return 'spaced';
  if (spaceless >= letters * 0.3) return 'spaceless';
  return 'other';
}
