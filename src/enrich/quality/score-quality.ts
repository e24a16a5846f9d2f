import { findHeadlineCues } from './headline-signals.js';
import { lookupReputation, normaliseDomain, type ProviderTable } from './provider-table.js';
import { countWords, findPaywallCues, findTruncation } from './text-signals.js';

/** What the quality score looks at; every field but `title` is optional. */
export interface QualityInput {
  title: string;
  text?: string;
  excerpt?: string;
  byline?: string;
  authors?: string[];
  publishedDateTime?: string;
  images?: Array<{ url: string; width?: number; height?: number }>;
  provider?: { name?: string; domain?: string };
  /** ISO 639-1 code of the text, or 'und'. */
  language?: string;
  /** Overrides the count taken from `text`. */
  wordCount?: number;
  /** Id or URL of the original when this item is a syndicated copy; null/absent when original. */
  syndicatedCopyOf?: string | null;
  /** Languages the desk reads; a text in another language loses points. */
  expectedLanguages?: string[];
}

/** One point change and why: `{signal: 'length', points: 14, detail: 'full text (1,240 words)'}`. */
export interface QualityReason {
  signal: string;
  points: number;
  detail: string;
}

/** The score (integer 0..100) and the reasons, whose points sum to it before clamping. */
export interface QualityResult {
  score: number;
  reasons: QualityReason[];
}

/** Options: the clock for "date is plausible" (the caller's `now`; default the real clock). */
export interface QualityOptions {
  now?: Date | number;
}

/** The weights of docs/quality.md. Change both together. */
export const QUALITY_WEIGHTS = {
  base: 40,
  noTextNoExcerpt: -25,
  excerptOnly: -20,
  paywall: -15,
  teaserOnly: -15,
  ellipsis: -10,
  midSentence: -8,
  /** [minimum words, points, label] from the highest band down. */
  lengthBands: [
    [800, 14, 'full text'],
    [400, 10, 'long text'],
    [150, 5, 'medium text'],
    [60, 0, 'short text'],
    [0, -10, 'very short text'],
  ] as ReadonlyArray<readonly [number, number, string]>,
  byline: 8,
  dated: 6,
  noDate: -4,
  badDate: -8,
  anyImage: 3,
  largeImage: 6,
  largeImageWidth: 600,
  /** points = round((reputation − 0.5) × reputationScale): −15..+15. */
  reputationScale: 30,
  clickbaitCue: -6,
  clickbaitCap: -18,
  syndicated: -10,
  wrongLanguage: -15,
  unknownLanguage: -3,
  /** Dates before this year, or more than this many hours ahead of `now`, are implausible. */
  earliestYear: 1995,
  futureSlackHours: 36,
} as const;

const W = QUALITY_WEIGHTS;

/**
 * Scores how complete and trustworthy an item is, 0..100, with a reason for every point change.
 * Pure and total: never throws, whatever the input (empty, title-only, 2 MB, any script).
 *
 * @example scoreQuality({title: 'Chipmaker raises forecast', text, byline: 'Ana Ruiz', …}, table)
 *   // {score: 86, reasons: [{signal: 'base', points: 40, …}, {signal: 'length', points: 14, detail: 'full text (1,240 words)'}, …]}
 */
export function scoreQuality(input: QualityInput, providers: ProviderTable, options: QualityOptions = {}): QualityResult {
  const reasons: QualityReason[] = [{ signal: 'base', points: W.base, detail: 'starting score' }];
  const add = (signal: string, points: number, detail: string): void => {
    reasons.push({ signal, points, detail });
  };
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  const excerpt = typeof input.excerpt === 'string' ? input.excerpt.trim() : '';

  scoreCompleteness(text, excerpt, add);
  const words = input.wordCount ?? (text ? countWords(text) : 0);
  if (text || input.wordCount !== undefined) {
    const band = W.lengthBands.find(([min]) => words >= min) ?? W.lengthBands[W.lengthBands.length - 1]!;
    add('length', band[1], `${band[2]} (${groupThousands(words)} words)`);
  }
  const byline = [input.byline ?? '', ...(input.authors ?? [])].map((s) => (typeof s === 'string' ? s.trim() : '')).filter(Boolean);
  add('byline', byline.length ? W.byline : 0, byline.length ? `byline: ${byline.slice(0, 3).join(', ')}` : 'no byline');
  scoreDate(input.publishedDateTime, options.now ?? Date.now(), add);
  scoreImages(input.images ?? [], add);
  scoreReputation(input.provider, providers, add);
  scoreHeadline(input.title ?? '', add);
  if (input.syndicatedCopyOf) add('syndication', W.syndicated, `syndicated copy of ${input.syndicatedCopyOf}`);
  scoreLanguage(input.language, input.expectedLanguages, text || excerpt, add);

  const raw = reasons.reduce((sum, r) => sum + r.points, 0);
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  if (score !== raw) add('clamp', score - raw, `clamped to ${score} (raw ${raw})`);
  return { score, reasons };
}

type Add = (signal: string, points: number, detail: string) => void;

function scoreCompleteness(text: string, excerpt: string, add: Add): void {
  if (!text) {
    if (excerpt) add('completeness', W.excerptOnly, 'no full text (excerpt only)');
    else add('completeness', W.noTextNoExcerpt, 'no text and no excerpt');
    return;
  }
  const cues = findPaywallCues(`${text}\n${excerpt}`);
  if (cues.length) add('paywall', W.paywall, `paywall cue: ${cues.slice(0, 2).map((c) => `'${c}'`).join(', ')}`);
  // A teaser: the "full text" is no longer than the excerpt (plus slack for a dateline and a
  // paywall line); a real article is many times longer than its 1–3 sentence excerpt).
  if (excerpt.length >= 40 && text.length <= excerpt.length * 1.5 + 100) {
    add('teaser', W.teaserOnly, `teaser only: text (${text.length} chars) is about as long as the excerpt (${excerpt.length})`);
  }
  const cut = findTruncation(text);
  if (cut === 'ellipsis') add('truncated', W.ellipsis, 'text ends with an ellipsis');
  else if (cut === 'mid-sentence') add('truncated', W.midSentence, 'text ends mid-sentence');
}

function scoreDate(value: string | undefined, now: Date | number, add: Add): void {
  if (!value || typeof value !== 'string') return add('date', W.noDate, 'no publication date');
  const at = Date.parse(value);
  if (Number.isNaN(at)) return add('date', W.badDate, `publication date is not a date: '${value.slice(0, 40)}'`);
  const nowMs = typeof now === 'number' ? now : now.getTime();
  if (at > nowMs + W.futureSlackHours * 3_600_000) return add('date', W.badDate, `publication date ${value} is in the future`);
  if (new Date(at).getUTCFullYear() < W.earliestYear) return add('date', W.badDate, `publication date ${value} is implausibly old`);
  add('date', W.dated, `dated ${new Date(at).toISOString().slice(0, 10)}`);
}

function scoreImages(images: Array<{ url?: string; width?: number; height?: number }>, add: Add): void {
  const usable = images.filter((i) => i && typeof i.url === 'string' && i.url.length > 0);
  if (!usable.length) return add('images', 0, 'no image');
  const widest = usable.reduce((a, b) => ((b.width ?? 0) > (a.width ?? 0) ? b : a));
  if ((widest.width ?? 0) >= W.largeImageWidth) {
    const size = widest.height ? `${widest.width}×${widest.height}` : `${widest.width}px wide`;
    return add('images', W.largeImage, `lead image ${size}`);
  }
  add('images', W.anyImage, `${usable.length} image${usable.length > 1 ? 's' : ''} (none ≥ ${W.largeImageWidth}px wide)`);
}

function scoreReputation(provider: QualityInput['provider'], table: ProviderTable, add: Add): void {
  const match = lookupReputation(table, provider);
  // toFixed first: (0.95 − 0.5) × 30 is 13.4999… in binary floating point.
  const points = Math.round(Number(((match.reputation - 0.5) * W.reputationScale).toFixed(6)));
  const who = provider?.domain ? normaliseDomain(provider.domain) : (provider?.name ?? 'no provider');
  if (!match.entry) return add('reputation', points, `unknown source (${who}): default reputation ${match.reputation.toFixed(2)}`);
  const name = match.entry.name ? `${match.entry.name}, ` : '';
  add('reputation', points, `source reputation ${match.reputation.toFixed(2)} (${name}${match.entry.domain})`);
}

function scoreHeadline(title: string, add: Add): void {
  const cues = findHeadlineCues(typeof title === 'string' ? title : '');
  let total = 0;
  for (const cue of cues) {
    const points = Math.max(W.clickbaitCue, W.clickbaitCap - total);
    if (points === 0) break;
    total += points;
    const label = { phrase: 'clickbait phrase', caps: 'shouting headline', punctuation: 'excessive punctuation', listicle: 'number listicle' }[cue.kind];
    add('clickbait', points, `${label}: '${cue.match}'`);
  }
}

function scoreLanguage(language: string | undefined, expected: string[] | undefined, text: string, add: Add): void {
  if (!expected?.length || !text) return;
  const base = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const wanted = expected.map(base);
  const got = language ? base(language) : 'und';
  if (!got || got === 'und') return add('language', W.unknownLanguage, `language unknown (expected ${wanted.join(', ')})`);
  if (!wanted.includes(got)) return add('language', W.wrongLanguage, `language '${got}' is not one of the expected (${wanted.join(', ')})`);
  add('language', 0, `language '${got}' as expected`);
}

/** "+14 full text (1,240 words)" — a reason as one line for the CLI and the web page. */
export function formatReason(reason: QualityReason): string {
  return `${reason.points >= 0 ? '+' : ''}${reason.points} ${reason.detail}`;
}

/** 12345 → "12,345", as toLocaleString('en-US') writes a count, without an ICU call per article. */
function groupThousands(n: number): string {
  return Number.isInteger(n) && n >= 0 ? String(n).replace(/\B(?=(?:\d{3})+$)/g, ',') : n.toLocaleString('en-US');
}
