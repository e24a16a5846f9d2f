import { isMeaningful } from './sentence-filters.js';
import { splitSentences } from './split-sentences.js';

/** Characters read to build an excerpt: the opening of the text is all an excerpt needs. */
const EXCERPT_WINDOW = 20_000;

/**
 * A teaser for items without one: the first meaningful sentences (punctuated, ≥ 5 words, not
 * boilerplate or a breadcrumb) that fit in `maxChars`; when even the first is longer, it is cut
 * at a word boundary and ends with "…". Text without any such sentence gives its opening,
 * likewise cut. Empty text gives ''. Never throws.
 *
 * @example makeExcerpt('Home / News\nHarbor Robotics raised €140m on Tuesday. It will build a plant.', 60)
 *   // 'Harbor Robotics raised €140m on Tuesday.'
 */
export function makeExcerpt(text: string, maxChars = 300): string {
  if (typeof text !== 'string' || !text.trim() || maxChars < 1) return '';
  const sentences = splitSentences(text.slice(0, EXCERPT_WINDOW));
  const firstMeaningful = sentences.findIndex(isMeaningful);
  if (firstMeaningful < 0) {
    // No prose sentence: the longest of the first lines is likelier the text than a breadcrumb.
    const opening = sentences.slice(0, 5).reduce((a, b) => (b.text.length > a.length ? b.text : a), '');
    return cutAtWord(opening, maxChars);
  }
  const picked: string[] = [];
  let length = 0;
  for (const s of sentences.slice(firstMeaningful)) {
    if (!s.terminated) break;
    const extra = (picked.length ? 1 : 0) + s.text.length;
    if (length + extra > maxChars) break;
    picked.push(s.text);
    length += extra;
  }
  if (picked.length) return picked.join(' ');
  return cutAtWord(sentences[firstMeaningful]!.text, maxChars);
}

/** Cuts at the last word boundary before `maxChars` (hard cut for spaceless scripts) and adds "…". */
export function cutAtWord(text: string, maxChars: number): string {
  const t = text.trim();
  if (t.length <= maxChars) return t;
  // Leave room for the ellipsis; never split a surrogate pair.
  let cut = t.slice(0, Math.max(0, maxChars - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  if (space > maxChars * 0.5) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:—–-]+$/u, '')}…`;
}
