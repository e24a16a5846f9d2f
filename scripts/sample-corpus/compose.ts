import { ANALYSIS, ATTRIBUTIONS, BACKGROUND, CONTEXT, OUTLOOK, PRESS_ABOUT, REACTIONS } from './generic.js';
import type { ProviderProfile } from './catalog.js';
import { applyHouseStyle } from './house-style.js';
import type { Rng } from './prng.js';
import { fillTemplate, TemplatePicker, toTitleCase, type Slots } from './render.js';
import type { Company, EventKind } from './types.js';

/** One fictional event as every article about it sees it. */
export interface StoryEvent {
  storyId: string;
  kind: EventKind;
  subject: Company;
  date: Date;
  /** Event facts plus event-wide defaults (speaker, city…). */
  slots: Slots;
}

/** What one article needs beyond the event. */
export interface ComposeInput {
  event: StoryEvent;
  provider: ProviderProfile;
  category: string;
  rng: Rng;
  /** Shared by the articles of one story, so that they are worded differently. */
  picker: TemplatePicker;
  /** Story-wide picker for teasers, kept apart so teasers don't use up the body's ledes. */
  dekPicker: TemplatePicker;
  /** Article-level slots: the analyst quoted, the provider's name. */
  extraSlots: Slots;
}

/** Headline, body paragraphs and teaser of one article. */
export interface ComposedArticle {
  title: string;
  paragraphs: string[];
  excerpt: string;
}

/** Lower and upper bounds of the body, in UTF-8 bytes (the brief: ~1.5–4 KB, 3–8 paragraphs). */
export const TEXT_BYTES = { min: 1500, max: 4000 } as const;
export const PARAGRAPHS = { min: 3, max: 8 } as const;

/**
 * Writes one article about `event` in the voice of `provider`: a lede paragraph, a middle of
 * facts, a quote, context and reactions split into paragraphs, and a closing paragraph. The
 * paragraph count (3–8) is drawn first and the length follows from it, within TEXT_BYTES.
 */
export function composeArticle(input: ComposeInput): ComposedArticle {
  const { event, provider, category, rng, picker } = input;
  const kind = event.kind;
  const used = new Set<string>();
  const slots: Slots = { ...event.slots, ...input.extraSlots, companyAlt: rng.pick(event.subject.alts) };
  const say = (pool: readonly string[]): string => applyHouseStyle(fillTemplate(picker.pick(pool, used), slots, rng), provider.spelling, rng);
  const quoteLine = (): string => {
    const quote = fillTemplate(picker.pick(kind.quotes, used), slots, rng);
    return applyHouseStyle(fillTemplate(picker.pick(ATTRIBUTIONS, used), { ...slots, quote }, rng), provider.spelling, rng);
  };
  const repeat = (n: number, pool: readonly string[]): string[] => Array.from({ length: n }, () => say(pool));

  const press = category === 'press-release';
  const paragraphCount = rng.weighted([3, 4, 5, 6, 7, 8], (n) => (n === 3 || n === 8 ? 1 : 2)) - (press ? 1 : 0);
  let head: string[];
  const middle: string[] = [];
  const tail: string[] = [say(kind.outlook)];
  if (press) {
    const dateline = `${event.subject.city.toUpperCase()}, ${formatLongDate(event.date)} —`;
    head = [`${dateline} ${event.subject.name} today announced ${fillTemplate(kind.announcement, slots, rng, { capitalize: false })}.`, say(kind.details)];
    middle.push(...repeat(2, kind.details), quoteLine(), say(kind.details));
  } else {
    head = [say(kind.ledes), ...(rng.chance(0.5) ? [say(kind.details)] : [])];
    if (provider.role === 'wire') head[0] = `${event.subject.city.toUpperCase()} (${provider.name}) — ${head[0] ?? ''}`;
    middle.push(...repeat(rng.int(2, 3), kind.details), quoteLine());
    if (rng.chance(0.6)) middle.push(...repeat(rng.int(1, 2), CONTEXT[kind.family]));
    const asides = (category === 'opinion' || category === 'blog') && kind.family !== 'people' ? ANALYSIS : REACTIONS[kind.family];
    if (asides === ANALYSIS || rng.chance(0.7)) middle.push(...repeat(rng.int(1, 2), asides));
    if ((kind.family === 'market' || kind.family === 'physical') && rng.chance(0.5)) tail.push(say(OUTLOOK));
  }

  const target = Math.min(3400, Math.max(TEXT_BYTES.min + 50, paragraphCount * rng.int(260, 400)));
  // Filler prefers what is specific to the event's kind; generic pools come last.
  const fillers: Array<[readonly string[], number]> = [[kind.background, 4], [kind.details, 3], [CONTEXT[kind.family], 2]];
  // The generic background is about models and software: it only fits software and deal stories.
  if (kind.family === 'market' || kind.family === 'science') fillers.push([BACKGROUND, 1]);
  const size = (): number => Buffer.byteLength([...head, ...middle, ...tail].join(' '), 'utf8') + 2 * paragraphCount;
  while (size() < target) {
    // At most two lines of the kind's background per article: they carry no facts of their own,
    // so more would make unrelated stories of the same kind read alike.
    const backgroundUsed = kind.background.filter((t) => used.has(t)).length;
    const open = fillers.filter(([pool]) => pool.some((t) => !used.has(t)) && (pool !== kind.background || backgroundUsed < 2));
    if (open.length === 0) break;
    // Never before the lede's facts, never after the closing paragraph.
    middle.splice(rng.int(2, middle.length), 0, say(rng.weighted(open, ([, w]) => w)[0]));
  }
  while (size() > TEXT_BYTES.max - 200 && middle.length > paragraphCount) middle.splice(rng.int(1, middle.length - 1), 1);

  const paragraphs = [head.join(' '), ...chunk(middle, paragraphCount - 2, rng).map((p) => p.join(' ')), tail.join(' ')];
  if (press) paragraphs.push(fillTemplate(rng.pick(PRESS_ABOUT), slots, rng));
  return { title: composeTitle(input, slots, used), paragraphs, excerpt: composeExcerpt(input, slots, used, paragraphs) };
}

/** Splits `items` into `parts` contiguous non-empty runs of random, roughly even lengths. */
function chunk<T>(items: readonly T[], parts: number, rng: Rng): T[][] {
  const n = Math.max(1, Math.min(parts, items.length));
  const sizes = Array.from({ length: n }, () => 1);
  for (let left = items.length - n; left > 0; left--) {
    // Prefer the shortest runs so no paragraph swallows the rest.
    const min = Math.min(...sizes);
    const i = rng.pick(sizes.map((s, j) => (s <= min + 1 ? j : -1)).filter((j) => j >= 0));
    sizes[i] = (sizes[i] ?? 0) + 1;
  }
  const out: T[][] = [];
  let at = 0;
  for (const s of sizes) {
    out.push(items.slice(at, at + s));
    at += s;
  }
  return out;
}

function composeTitle(input: ComposeInput, slots: Slots, used: Set<string>): string {
  const { provider, category, rng, picker, event } = input;
  let title = applyHouseStyle(fillTemplate(picker.pick(event.kind.headlines, used), slots, rng), provider.spelling, rng);
  if (category === 'opinion') title = `${rng.pick(['Opinion', 'Analysis', 'Column'])}: ${title}`;
  else if (category === 'blog' && rng.chance(0.4)) title = `${rng.pick(['Notebook', 'Explainer', 'Briefing'])}: ${title}`;
  return provider.titleCase ? toTitleCase(title) : title;
}

function composeExcerpt(input: ComposeInput, slots: Slots, used: Set<string>, body: string[]): string {
  const { provider, rng, dekPicker, event } = input;
  if (provider.excerptStyle === 'dek' && input.category !== 'press-release') {
    return applyHouseStyle(fillTemplate(dekPicker.pick(event.kind.ledes, used), slots, rng), provider.spelling, rng);
  }
  return teaserFromBody(body, provider.excerptStyle === 'cut' ? 'cut' : 'lede', rng);
}

/**
 * A feed-style teaser from the body: its first sentence (`lede`) or its first ~200 characters
 * cut at a word (`cut`). A wire dateline ("PARIS (Pinecrest Wire) — ") is left out.
 */
export function teaserFromBody(body: readonly string[], style: 'lede' | 'cut', rng: Rng): string {
  const first = (body[0] ?? '').replace(/^[^—]*\(.+?\) — /, '');
  if (style === 'cut') return cutAtWord(first, rng.int(160, 230));
  // A sentence ends at . ! or ? (maybe closing a quote) followed by a capital: "Atlas 3.5" stays whole.
  return (first.split(/(?<=[.!?]["”]?)\s+(?=["“\p{Lu}])/u)[0] ?? first).trim();
}

/** Cuts text at a word boundary and marks the cut with an ellipsis, as many feeds do. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, '').replace(/[,;:]$/, '')}…`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 14, 2025" */
export function formatLongDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}
