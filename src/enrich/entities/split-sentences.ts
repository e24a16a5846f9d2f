import type { Sentence } from './entity.js';

// Abbreviations whose trailing period does not end a sentence (honorifics, company suffixes,
// months, initials). Lower-cased, without the period.
const NO_BREAK = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col',
  'capt', 'sgt', 'inc', 'corp', 'ltd', 'co', 'plc', 'llc', 'no', 'vs', 'etc', 'approx', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s',
  'u.k', 'e.g', 'i.e', 'a.m', 'p.m', 'mt', 'ft', 'fig', 'vol', 'est', 'bros',
]);

/**
 * Splits text into sentences: at line breaks (paragraphs, headlines) and after `.`, `!`, `?`
 * (optionally followed by a closing quote or bracket) when a space and an upper-case letter,
 * digit or opening quote follow — unless the period ends a known abbreviation or an initial.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, offset: start + lead });
  };
  let start = 0;
  const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])|\n+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index));
      const word = before?.[1]?.toLowerCase() ?? '';
      // A single capital letter before the period is an initial ("John F. Kennedy").
      if (NO_BREAK.has(word) || /^\p{Lu}$/u.test(before?.[1] ?? '')) continue;
    }
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}
