import type { Rng } from './prng.js';

/**
 * Outlets differ in small ways even when they report the same facts: spelling (centre/center),
 * "said on Tuesday" vs the US wire style "said Tuesday", "percent" vs "per cent", and stock
 * phrases. Applied to every generated sentence, so one template reads differently per outlet.
 */

/** A publisher's spelling and date conventions. */
export type Spelling = 'us' | 'uk';

const US_SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcentre(s?)\b/g, 'center$1'],
  [/\b(special|summar|critic|organ|recogn|optim|prior|emphas)is(e|ed|es|ing|ation|ations)\b/g, '$1iz$2'],
  [/\bprogramme(s?)\b/g, 'program$1'],
  [/\blabour\b/g, 'labor'],
  [/\bsceptical\b/g, 'skeptical'],
  [/\blicence\b/g, 'license'],
  [/\bmodelling\b/g, 'modeling'],
  // AP style drops "on" before a weekday after a verb of saying.
  [/\b(said|announced|released|unveiled|introduced) on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, '$1 $2'],
];

const UK_SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bpercent\b/g, 'per cent'],
  [/\bcenter(s?)\b/g, 'centre$1'],
];

/** Stock phrases with interchangeable wordings; one is chosen per sentence. */
const PHRASES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\bpeople familiar with\b/g, ['people familiar with', 'people with knowledge of', 'sources familiar with']],
  [/\bthe coming (weeks|months)\b/g, ['the coming $1', 'the $1 ahead']],
  [/\bin recent (weeks|months)\b/g, ['in recent $1', 'over the past few $1']],
  [/, the company said\.$/g, [', the company said.', ', according to the company.', ', the company said in a statement.']],
  [/, the companies said\.$/g, [', the companies said.', ', according to a joint statement.']],
  [/\babout (\$?\d)/g, ['about $1', 'roughly $1', 'around $1', 'some $1']],
  [/\bseveral (large|senior|smaller|similar)\b/g, ['several $1', 'a number of $1']],
  [/\bhas not (said|disclosed)\b/g, ['has not $1', 'has yet to say']],
];

/** Applies an outlet's spelling conventions and varies stock phrases. */
export function applyHouseStyle(sentence: string, spelling: Spelling, rng: Rng): string {
  let out = sentence;
  for (const [pattern, replacement] of spelling === 'us' ? US_SPELLINGS : UK_SPELLINGS) out = out.replace(pattern, replacement);
  for (const [pattern, options] of PHRASES) out = out.replace(pattern, (...match: string[]) => substitute(rng.pick(options), match));
  return out;
}

/** Fills `$1`… in a chosen wording from the regex match groups. */
function substitute(wording: string, match: readonly string[]): string {
  return wording.replace(/\$(\d)/g, (_all, n: string) => match[Number(n)] ?? '');
}
