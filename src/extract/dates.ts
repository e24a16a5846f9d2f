/**
 * Page dates → ISO 8601 UTC (`YYYY-MM-DDTHH:MM:SSZ`, milliseconds only when present). Never uses
 * the host's time zone: a value without a zone is taken as UTC, a date without a time as
 * midnight UTC. Accepts ISO 8601 / RFC 3339 (full and reduced forms), RFC 2822 ("Tue, 10 Mar 2020
 * 14:05:00 GMT", with the RFC's obsolete US zone names), "March 10, 2020 2:05 PM EST",
 * "10 March 2020", and Unix epoch seconds or milliseconds.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1–12 for an English month name or its abbreviation ("Sep", "Sept", "September"). */
function monthNumber(name: string): number | null {
  const key = name.toLowerCase();
  if (key.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(key));
  return index < 0 ? null : index + 1;
}
// RFC 2822 §4.3 obsolete zones, plus a few common abbreviations.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480,
  pdt: -420, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, ist: 330, jst: 540, aest: 600, aedt: 660,
};
const MIN_YEAR = 1970;
const MAX_YEAR = 2100;

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const NAMED =
  /^(?:[a-z]+,?\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})|([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))(?:(?:\s+|,\s*|\s+at\s+|T)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?)?\s*(?:\(?([a-z]{1,5}|[+-]\d{2}:?\d{2}|(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?)\)?)?$/i;

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const z = zone.toLowerCase();
  if (z in ZONES) return ZONES[z]!;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? null : (m[1] === '-' ? -1 : 1) * minutes;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return null;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  const time = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
  const iso = new Date(time).toISOString();
  return ms ? iso : iso.replace('.000Z', 'Z');
}

/** Normalises a date string from a page to ISO 8601 UTC, or null when it is not a date. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v || v.length > 80) return null;
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const ms = v.length === 13 ? Number(v) : Number(v) * 1000;
    const d = new Date(ms);
    return d.getUTCFullYear() >= MIN_YEAR && d.getUTCFullYear() <= MAX_YEAR ? build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0, 0) : null;
  }
  let m = ISO.exec(v);
  if (m) {
    const offset = offsetMinutes(m[8]);
    if (offset === null) return null;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
  }
  m = NAMED.exec(v);
  if (m) {
    const day = Number(m[1] ?? m[5]);
    const month = monthNumber(m[2] ?? m[4] ?? '');
    if (!month) return null;
    let hour = Number(m[7] ?? 0);
    const meridiem = m[10]?.toLowerCase().replace(/\./g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    const offset = offsetMinutes(m[11]);
    if (offset === null) return null;
    return build(Number(m[3] ?? m[6]), month, day, hour, Number(m[8] ?? 0), Number(m[9] ?? 0), 0, offset);
  }
  return null;
}

/** A publication date written in a URL path (`/2021/03/09/`, `/2021-03-09/`, `/20210309/`). */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?:\/|$)/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(path) ??
    /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\/|$)/.exec(path);
  return m ? build(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, 0, 0) : null;
}
