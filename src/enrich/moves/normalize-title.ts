/** C-suite abbreviations → full titles. */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  ceo: 'Chief Executive Officer',
  cfo: 'Chief Financial Officer',
  coo: 'Chief Operating Officer',
  cto: 'Chief Technology Officer',
  cmo: 'Chief Marketing Officer',
  cpo: 'Chief Product Officer',
  cro: 'Chief Revenue Officer',
  cio: 'Chief Information Officer',
  ciso: 'Chief Information Security Officer',
  cso: 'Chief Security Officer',
  caio: 'Chief AI Officer',
  cdo: 'Chief Data Officer',
  cco: 'Chief Communications Officer',
  chro: 'Chief Human Resources Officer',
  clo: 'Chief Legal Officer',
  cbo: 'Chief Business Officer',
  cao: 'Chief Accounting Officer',
};

const VP: Record<string, string> = {
  vp: 'Vice President',
  svp: 'Senior Vice President',
  evp: 'Executive Vice President',
  avp: 'Assistant Vice President',
};

// Acronyms kept upper-case inside titles.
const UPPER = new Set(['ai', 'ml', 'ar', 'vr', 'xr', 'hr', 'it', 'us', 'uk', 'eu', 'emea', 'apac', 'gpu', 'llm', 'r&d', 'ux', 'ui', 'pr']);
const LOWER = new Set(['of', 'and', 'for', 'the', 'at', 'in', 'to', 'on']);
// Modifiers that say when, not what: dropped from the normalised title.
const DROP = /^(?:the|new|newly|former|outgoing|incoming|then-|current|longtime|long-time)\s+/i;

function caseWord(word: string): string {
  const lower = word.toLowerCase();
  if (UPPER.has(lower)) return lower.toUpperCase();
  if (LOWER.has(lower)) return lower;
  if (/^[A-Z0-9&]{2,}$/.test(word)) return word; // already an acronym ("GenAI" stays too)
  if (/[a-z][A-Z]/.test(word)) return word;
  return lower.replace(/(^|-)(\p{L})/gu, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/**
 * Normalises a job title: expands C-suite abbreviations (CRO → Chief Revenue Officer,
 * CISO → Chief Information Security Officer), "chief executive" → Chief Executive Officer,
 * "SVP of X" / "VP, X" → Senior Vice President of X / Vice President of X, and title-cases
 * the rest keeping acronyms ("chief AI scientist" → Chief AI Scientist, "head of ads" →
 * Head of Ads). Temporal modifiers (new, former, outgoing, incoming) are dropped.
 */
export function normalizeTitle(raw: string): string {
  let t = raw.replace(/\s+/g, ' ').replace(/[.,;:]+$/, '').trim();
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(DROP, '');
  }
  // "CEO" / "the CEO" / "co-CEO"
  const abbr = /^(co-)?([A-Za-z]{3,4})$/.exec(t);
  if (abbr?.[2]) {
    const full = TITLE_ABBREVIATIONS[abbr[2].toLowerCase()];
    if (full) return (abbr[1] ? 'Co-' : '') + full;
  }
  // "Chief Revenue Officer (CRO)" → drop the parenthetical abbreviation.
  t = t.replace(/\s*\([A-Za-z]{2,5}\)\s*$/, '');
  if (/^chief executive$/i.test(t)) return 'Chief Executive Officer';
  const vp = /^(vp|svp|evp|avp|vice[- ]president|senior vice[- ]president|executive vice[- ]president)\b\s*(?:,|of|for|-|–)?\s*(.*)$/i.exec(t);
  if (vp?.[1]) {
    const head = VP[vp[1].toLowerCase()] ?? vp[1].replace(/-/g, ' ').split(' ').map(caseWord).join(' ');
    const area = (vp[2] ?? '').trim();
    return area ? `${head} of ${area.split(' ').map(caseWord).join(' ')}` : head;
  }
  const words = t.split(' ').map(caseWord);
  if (words[0]) words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
  return words.join(' ');
}
