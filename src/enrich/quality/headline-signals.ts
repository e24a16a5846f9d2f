/** One clickbait cue found in a headline. */
export interface HeadlineCue {
  kind: 'phrase' | 'caps' | 'punctuation' | 'listicle';
  /** What matched, quoted in the reason ("you won't believe"). */
  match: string;
}

// Phrases of the "curiosity gap" style that headline studies and platform policies flag as
// clickbait (e.g. Facebook's 2016 News Feed update on withheld-information headlines).
// Apostrophes are matched straight or curly.
const PHRASES: RegExp[] = [
  /you won['’]?t believe/i,
  /\bthis one (?:weird |simple |little |easy )?trick\b/i,
  /\bshocking(?:ly)?\b/i,
  /\bwhat happen(?:s|ed) next\b/i,
  /\bwill (?:blow your mind|leave you speechless|make you cry)\b/i,
  /\b(?:doctors|experts) hate\b/i,
  /\bjaw[- ]dropping\b/i,
  /\bmind[- ]?blowing\b/i,
  /\bunbelievable\b/i,
  /\byou need to (?:see|know|read)\b/i,
  /\bthe reason (?:why )?will\b/i,
  /\bgone wrong\b/i,
  /\bnumber \d+ will\b/i,
];

// "10 things …", "7 reasons …", "Top 5 …": numbered listicles.
const LISTICLE =
  /^\s*(?:top\s+)?\d{1,3}\s+(?:[\p{L}-]+\s+){0,3}?(?:things|reasons|ways|tips|tricks|facts|signs|secrets|photos|pictures|times|mistakes|hacks|ideas|habits|lessons|questions|celebrities|products|apps|stocks)\b|^\s*top\s+\d{1,3}\b/iu;

/**
 * Finds clickbait cues in a headline: curiosity-gap phrases, SHOUTING (several all-caps words),
 * repeated `!`/`?`, numbered listicles. Acronyms (AI, NASA, OPENAI alone) are not shouting.
 */
export function findHeadlineCues(title: string): HeadlineCue[] {
  const cues: HeadlineCue[] = [];
  for (const re of PHRASES) {
    const m = re.exec(title);
    if (m) cues.push({ kind: 'phrase', match: m[0].toLowerCase() });
  }
  const words = title.match(/[\p{L}]+/gu) ?? [];
  // Only cased scripts can shout: count words that have upper-case letters and no lower-case.
  const cased = words.filter((w) => /\p{Lu}|\p{Ll}/u.test(w));
  const shouting = cased.filter((w) => w.length >= 4 && !/\p{Ll}/u.test(w));
  if (shouting.length >= 2 && shouting.length / Math.max(1, cased.length) >= 0.25) {
    cues.push({ kind: 'caps', match: shouting.slice(0, 3).join(' ') });
  }
  const bangs = title.match(/[!?]{2,}|!.*!/u);
  if (bangs) cues.push({ kind: 'punctuation', match: bangs[0].length > 12 ? '!…!' : bangs[0] });
  const list = LISTICLE.exec(title);
  if (list) cues.push({ kind: 'listicle', match: list[0].trim().toLowerCase() });
  return cues;
}
