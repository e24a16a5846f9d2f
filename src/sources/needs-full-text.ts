import type { SourceSettings } from '../store/sources.js';

/**
 * Below this many characters of plain text, an item's content is a teaser in `auto` mode. Most
 * full articles run to several thousand characters; most feed summaries stop near 200–500.
 */
export const TEASER_MAX_CHARS = 700;

/**
 * Words a publisher puts at the end of a cut-off item ("…", "[…]", "Read more", "Continue
 * reading"): the item is a teaser whatever its length.
 */
const CUT_OFF_RE = /(?:\u2026|\.\.\.|\[\s*(?:\u2026|\.\.\.)\s*\]|read (?:the )?(?:full|more|rest)[^.]{0,40}|continue reading[^.]{0,40})\s*[\]).»]?\s*$/i;

/**
 * Whether to fetch an item's page (issue 3 §4): never without a link; `always` / `never` as the
 * source says; in `auto`, when the item's plain text is short (< TEASER_MAX_CHARS) or ends the
 * way cut-off teasers do. The page is then used only if it gives more text (see
 * mergePageIntoItem). Pure.
 */
export function needsFullText(
  item: { link: string | null; text: string },
  mode: SourceSettings['fullText'],
): boolean {
  if (!item.link || !/^https?:\/\//i.test(item.link)) return false;
  if (mode !== 'auto') return mode === 'always';
  const text = item.text.trim();
  return text.length < TEASER_MAX_CHARS || CUT_OFF_RE.test(text.slice(-80));
}
