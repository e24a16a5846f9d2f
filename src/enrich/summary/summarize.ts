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
  let spaced = 0;
  let spaceless = 0;
  let letters = 0;
  const end = Math.min(text.length, 4000);
  // One pass over code units by Unicode block (cheaper than three \p{Script} regex scans).
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) {
        spaced++;
        letters++;
      }
    } else if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x52f) || (c >= 0x1e00 && c <= 0x1fff)) {
      spaced++; // Latin-1/Extended, Greek, Cyrillic, Latin Extended Additional, Greek Extended
      letters++;
    } else if (
      (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x0e00 && c <= 0x0eff) || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff)
    ) {
      spaceless++; // Kana, CJK ideographs, Thai, Lao, Myanmar, Khmer
      letters++;
    } else if (/\p{L}/u.test(text[i]!)) {
      letters++;
    }
  }
  if (spaced >= letters * 0.6) return 'spaced';
  if (spaceless >= letters * 0.3) return 'spaceless';
  return 'other';
}
