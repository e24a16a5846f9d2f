const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration for people: "12 min", "5 h", "3 days". Rounds down so that "quiet for 3 days" is
 * never said of a story quiet for 2.6 days; hours up to 48 so that "1 day" is not ambiguous.
 */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < HOUR) return `${Math.floor(safe / MINUTE)} min`;
  if (safe < 2 * DAY) return `${Math.floor(safe / HOUR)} h`;
  return `${Math.floor(safe / DAY)} days`;
}

/** "1 provider" / "7 providers". */
export function pluralise(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
