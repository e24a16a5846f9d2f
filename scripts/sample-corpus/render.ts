import { HeatwireError } from '../../src/core/errors.js';
import type { Rng } from './prng.js';

/** Named values a template can use as `{name}`. */
export type Slots = Readonly<Record<string, string>>;

const ALTERNATIVES_RE = /\[([^[\]]*\|[^[\]]*)\]/g;
const SLOT_RE = /\{(\w+)\}/g;

/**
 * Fills one sentence template. `[a|b|c]` picks one alternative (so one template yields several
 * wordings), then `{slot}` is replaced from `slots`. A missing slot is a bug in the generator's
 * templates, so it throws instead of printing "{slot}" into the corpus.
 */
export function fillTemplate(template: string, slots: Slots, rng: Rng, options: { capitalize?: boolean } = {}): string {
  const chosen = template.replace(ALTERNATIVES_RE, (_all, options: string) => rng.pick(options.split('|')));
  const filled = chosen.replace(SLOT_RE, (_all, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new HeatwireError('INTERNAL', `template slot {${name}} has no value: ${template}`);
    return value;
  });
  const text = filled.replace(/\s{2,}/g, ' ').trim();
  return options.capitalize === false ? text : capitalizeFirst(text);
}

/** Upper-cases the first letter, skipping an opening quote ("the chipmaker…" → "The chipmaker…"). */
export function capitalizeFirst(text: string): string {
  return text.replace(/^(["'“‘(]?)(\p{Ll})/u, (_all, lead: string, letter: string) => lead + letter.toUpperCase());
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', 'from', 'into', 'over']);

/** Headline-style capitalisation for providers that use it; keeps words that already have capitals. */
export function toTitleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : capitalizeFirst(word)))
    .join(' ');
}

/** URL path segment from a headline: ASCII letters and digits joined by hyphens, at most 80 chars. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= 80 ? slug : slug.slice(0, 80).replace(/-[^-]*$/, '');
}

/**
 * Chooses templates so that articles of one story are worded differently and the generic pools
 * don't repeat across the corpus: within an article a template is used once; across the story
 * the least-used templates come first, and among those the least used in the whole corpus.
 */
export class TemplatePicker {
  private readonly storyUse = new Map<string, number>();

  /** `corpusUse` is shared by every story's picker. */
  constructor(
    private readonly rng: Rng,
    private readonly corpusUse: Map<string, number> = new Map(),
  ) {}

  /** A template from `pool` not yet used in this article, preferring the story's least-used ones. */
  pick(pool: readonly string[], usedInArticle: Set<string>): string {
    const unused = pool.filter((t) => !usedInArticle.has(t));
    const candidates = unused.length > 0 ? unused : pool;
    const cost = (t: string): number => (this.storyUse.get(t) ?? 0) * 1000 + (this.corpusUse.get(t) ?? 0);
    const least = Math.min(...candidates.map(cost));
    const choice = this.rng.pick(candidates.filter((t) => cost(t) <= least + 1));
    usedInArticle.add(choice);
    this.storyUse.set(choice, (this.storyUse.get(choice) ?? 0) + 1);
    this.corpusUse.set(choice, (this.corpusUse.get(choice) ?? 0) + 1);
    return choice;
  }
}
