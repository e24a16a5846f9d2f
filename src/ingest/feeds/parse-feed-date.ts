/*
 * Feed dates as they really come: RFC 822/1123/2822 (RSS 2.0), RFC 3339 / ISO 8601 (Atom, JSON
 * Feed, dc:date) and the broken forms around them — missing zones, two-digit years, wrong day
 * names, "2023-08-16 13:00:00", numeric day/month/year and month names in a few languages.
 */

// RFC 822 §5.1 zones, plus common abbreviations feeds use. Where an abbreviation is ambiguous
// (CST, IST) the North-American / RFC reading wins, as in most feed readers.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  ast: -240, adt: -180, nst: -210, akst: -540, akdt: -480, hst: -600,
  west: 60, bst: 60, cet: 60, met: 60, mez: 60, cest: 120, mest: 120, mesz: 120, eet: 120, eest: 180,
  msk: 180, ist: 330, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, aest: 600,
  aedt: 660, nzst: 720, nzdt: 780,
};

const MONTH_NAMES: Array<[number, string]> = [
  [1, 'jan january januar jänner janvier janv enero ene gennaio gen janeiro januari ocak oca января январь'],
  [2, 'feb february februar février fevrier févr fevr febrero febbraio fevereiro fev februari şubat subat şub sub февраля февраль'],
  [3, 'mar march märz maerz mär mrz mars marzo março marco maart mrt mart марта март'],
  [4, 'apr april avril avr abril abr aprile nisan nis апреля апрель'],
  [5, 'may mai mayo maggio mag maio mei mayıs mayis мая май'],
  [6, 'jun june juni juin junio giugno giu junho haziran haz июня июнь'],
  [7, 'jul july juli juillet juil julio luglio lug julho temmuz tem июля июль'],
  [8, 'aug august août aout agosto ago augustus ağustos agustos ağu agu августа август'],
  [9, 'sep sept september septembre septiembre setiembre settembre set setembro eylül eylul eyl сентября сентябрь'],
  [10, 'oct october oktober octobre octubre ottobre ott outubro out okt ekim eki октября октябрь'],
  [11, 'nov november novembre noviembre novembro kasım kasim kas ноября ноябрь'],
  [12, 'dec december dezember dez décembre decembre déc diciembre dic dicembre dezembro aralık aralik ara декабря декабрь'],
];
const MONTHS = new Map<string, number>();
for (const [n, names] of MONTH_NAMES) for (const name of names.split(' ')) MONTHS.set(name, n);

/** Offset in minutes for "+0200", "+02:00", "-05", "Z", or a zone name; undefined when unknown. */
function zoneOffset(zone: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? 0);
    if (hours > 14 || minutes > 59) return undefined;
    return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const name = zone.toLowerCase();
  if (name in ZONES) return ZONES[name];
  // RFC 822 military zones: RFC 1123 §5.2.14 found their signs defined backwards, so RFC 2822
  // §4.3 says to read them as "-0000" (UTC, offset unknown). We do.
  if (/^[a-ik-y]$/.test(name)) return 0;
  return undefined;
}

interface Fields {
  year?: number;
  month?: number;
  day?: number;
  hour: number;
  minute: number;
  second: number;
  offset: number;
  ms?: number;
}

// RFC 2822 §4.3: a two-digit year 00–49 is 20xx, 50–99 is 19xx.
function fullYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Builds the instant; null when a field is out of range (2023-02-30, 25:00…). */
function buildDate(f: Fields): Date | null {
  const { year, month, day } = f;
  if (year === undefined || month === undefined || day === undefined) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return null;
  const second = Math.min(f.second, 59); // a leap second (RFC 3339 §5.7) lands on :59
  const time = Date.UTC(year, month - 1, day, f.hour, f.minute, second, f.ms ?? 0) - f.offset * 60_000;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date;
}

const ISO_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[A-Za-z]{2,5}|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_BASIC_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;
const YMD_RE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b(.*)$/;
const DMY_RE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b(.*)$/;
const TOKEN_RE = /(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)|([+-]\d{1,4}(?::\d{2})?)|(\d+)|(\p{L}+)/gu;

function parseIso(s: string): Date | null | undefined {
  const m = ISO_RE.exec(s) ?? ISO_BASIC_RE.exec(s);
  if (!m) return undefined;
  const offset = m[8] ? zoneOffset(m[8]) : 0; // RFC 3339 §4.3: no zone → we take UTC
  if (offset === undefined) return null;
  return buildDate({
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), offset,
    ms: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
  });
}

/** Reads time, zone and (when not preset) day, month name and year from free-form tokens. */
function parseTokens(s: string, preset: Partial<Fields>): Date | null {
  const f: Fields = { hour: 0, minute: 0, second: 0, offset: 0, ...preset };
  const numbers: Array<{ value: number; digits: number }> = [];
  let sawTime = false;
  let meridiem: 'am' | 'pm' | undefined;
  let month: number | undefined;
  for (const m of s.matchAll(TOKEN_RE)) {
    const [, time, signed, num, word] = m;
    if (time) {
      const [h, mi, sec] = time.split(':');
      f.hour = Number(h);
      f.minute = Number(mi);
      f.second = Math.floor(Number((sec ?? '0').replace(',', '.')));
      sawTime = true;
    } else if (signed) {
      // After a time, "+0200" / "-05:00" / "+2" is a zone; before it, "-2023" in "16-Aug-2023" is a number.
      const zone = /^[+-]\d$/.test(signed) ? `${signed[0]}0${signed[1]}` : signed;
      const offset = sawTime ? zoneOffset(zone) : undefined;
      if (offset !== undefined) f.offset = offset;
      else numbers.push({ value: Number(signed.slice(1).replace(':', '')), digits: signed.replace(/[^0-9]/g, '').length });
    } else if (num) {
      numbers.push({ value: Number(num), digits: num.length });
    } else if (word) {
      const w = word.toLowerCase();
      const offset = zoneOffset(w);
      if (w === 'am' || w === 'pm') meridiem = w;
      // The last month word wins: a leading day name may spell a month ("mar." is Tuesday in
      // Spanish and French).
      else if (MONTHS.has(w)) month = MONTHS.get(w);
      else if (offset !== undefined && (w.length > 1 || sawTime)) f.offset = offset;
      // Anything else (day names in any language, "at", "de", ordinals' "th") is ignored:
      // a wrong day name must not make a good date invalid.
    }
  }
  if (f.month === undefined) f.month = month;
  for (const n of numbers) {
    if (f.year === undefined && (n.digits >= 3 || n.value > 31)) f.year = fullYear(n.value, n.digits);
    else if (f.day === undefined && n.value >= 1 && n.value <= 31) f.day = n.value;
    else if (f.year === undefined) f.year = fullYear(n.value, n.digits);
  }
  if (meridiem) {
    if (f.hour < 1 || f.hour > 12) return null;
    f.hour = (f.hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  return buildDate(f);
}

/** Parses a feed date in any of the forms above; null when it cannot be read. */
export function parseFeedDate(raw: string | undefined): Date | null {
  if (!raw) return null;
  // RFC 822 §3.4.3 comments ("(UTC)") carry nothing we need.
  const s = raw.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (!s || s.length > 100) return null;
  const iso = parseIso(s);
  if (iso !== undefined) return iso;
  const ymd = YMD_RE.exec(s);
  if (ymd) return parseTokens(ymd[4] ?? '', { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) });
  const dmy = DMY_RE.exec(s);
  if (dmy) {
    const [a, b] = [Number(dmy[1]), Number(dmy[3])];
    const year = fullYear(Number(dmy[4]), (dmy[4] ?? '').length);
    // "." and "-" are European day-first; "/" is US month-first unless the first number > 12.
    const dayFirst = dmy[2] !== '/' || a > 12;
    return parseTokens(dmy[5] ?? '', { year, month: dayFirst ? b : a, day: dayFirst ? a : b });
  }
  if (!/\p{L}/u.test(s)) return null;
  return parseTokens(s, {});
}

/** ISO 8601 UTC without milliseconds when they are zero ("2023-08-16T13:00:00Z"). */
export function toIsoUtc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
