import type { MoveStatus } from './move.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)));
}
const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The article's date (YYYY-MM-DD) from an ISO 8601 timestamp, or undefined. */
export function articleDay(publishedDateTime: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedDateTime ?? '');
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The date a sentence gives for a move, relative to the article's date: "effective January 1",
 * "on March 3", "in March", "on Monday", "yesterday", "next month", "immediately". A year-less
 * date is placed in the article's year, moved a year forward when the move is planned and the
 * date would be past, or back when a confirmed move would otherwise be in the future. Falls
 * back to the article's date; undefined when neither is known. Bare years ("joined in 2015")
 * are ignored: in news they date earlier career steps, not the move.
 */
export function resolveDate(sentence: string, published: Date | undefined, status: MoveStatus): string | undefined {
  const s = sentence.toLowerCase();
  const base = published;
  const inferYear = (month: number, day: number): number | undefined => {
    if (!base) return undefined;
    let y = base.getUTCFullYear();
    const cand = Date.UTC(y, month, day);
    const ref = base.getTime();
    if (status === 'planned' && cand < ref - 86_400_000 * 31) y++;
    else if (status !== 'planned' && cand > ref + 86_400_000 * 31) y--;
    return y;
  };
  let m = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`).exec(s);
  if (m?.[1] && m[2]) {
    const mi = monthIndex(m[1]);
    const day = Number(m[2]);
    const year = m[3] ? Number(m[3]) : inferYear(mi, day);
    if (year !== undefined && mi >= 0 && day >= 1 && day <= 31) return `${year}-${pad(mi + 1)}-${pad(day)}`;
  }
  m = new RegExp(`\\b(?:in|from|since|until|by|as of|effective|starting|end of|early|late|mid-?)\\s+${MONTH_RE}(?:\\s+(\\d{4}))?\\b`).exec(s);
  if (m?.[1]) {
    const mi = monthIndex(m[1]);
    const year = m[2] ? Number(m[2]) : inferYear(mi, 15);
    if (year !== undefined && mi >= 0) return `${year}-${pad(mi + 1)}`;
  }
  if (!base) return undefined;
  const shift = (days: number): string => ymd(new Date(base.getTime() + days * 86_400_000));
  if (/\byesterday\b/.test(s)) return shift(-1);
  if (/\btomorrow\b/.test(s)) return shift(1);
  m = /\b(?:on|this|last|next)?\s*(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/.exec(s);
  if (m?.[1]) {
    const target = DAYS.indexOf(m[1]);
    const today = base.getUTCDay();
    if (status === 'planned') return shift(((target - today + 7) % 7) || 7);
    return shift(-((today - target + 7) % 7));
  }
  if (/\bnext month\b/.test(s)) {
    const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  if (/\b(?:next year|early next year)\b/.test(s)) return String(base.getUTCFullYear() + 1);
  if (/\b(?:end of (?:the|this) year|year-end|later this year)\b/.test(s)) return `${base.getUTCFullYear()}-12`;
  return ymd(base);
}
