import { HeatwireError } from '../../core/errors.js';

/** How far to look for NUL bytes: the same window git uses to call a file binary. */
const BINARY_SNIFF_CHARS = 8000;

/**
 * Turns raw page text into clean lines: no BOM, Unix line ends, no control or zero-width
 * characters, exotic spaces as plain spaces, lone surrogates replaced, each line trimmed.
 * Throws INPUT_BINARY when the text holds NUL characters (a binary file read as text).
 */
export function normaliseText(text: string, origin: string): string[] {
  if (text.slice(0, BINARY_SNIFF_CHARS).includes('\u0000')) {
    throw new HeatwireError('INPUT_BINARY', 'NUL characters in the text', { input: origin });
  }
  const clean = text
    .replace(/^\uFEFF/, '')
    // Unicode line and paragraph separators (UAX #14) and CR/CRLF all end a line.
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\t\u000B\u000C\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '');
  return clean.split('\n').map((line) => line.trim().replace(/ {2,}/g, ' '));
}

/**
 * Groups lines into paragraphs ("units"). Text copied from a browser has one paragraph per line;
 * text hard-wrapped at a fixed width (e-mail, RFC 3676 style) has paragraphs spread over many
 * lines. The wrap width is detected once per document; only then are lines joined, and a line
 * for which `standsAlone` is true (a heading, a share bar…) is never joined to its neighbours.
 */
export function splitUnits(lines: readonly string[], standsAlone: (line: string) => boolean): string[] {
  const width = detectWrapWidth(lines);
  if (width === null) return lines.filter((line) => line.length > 0);
  const units: string[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer) units.push(buffer);
    buffer = '';
  };
  for (const line of lines) {
    if (!line) {
      flush();
      continue;
    }
    if (standsAlone(line)) {
      flush();
      units.push(line);
      continue;
    }
    // A word split by a hyphen at the wrap ("long-" + "term") joins without a space.
    buffer = !buffer ? line : /\p{L}-$/u.test(buffer) ? buffer + line : `${buffer} ${line}`;
    // A line well short of the wrap width ends its paragraph (a title, a last line).
    if (line.length < width - WRAP_SLACK) flush();
  }
  flush();
  return units;
}

/** How much shorter than the wrap width a wrapped line may be (word lengths vary). */
const WRAP_SLACK = 22;

/**
 * The width text was hard-wrapped at, or null when it was not: most long lines end within a
 * narrow band under one width of at most 100 characters, and some follow each other directly.
 */
export function detectWrapWidth(lines: readonly string[]): number | null {
  const long = lines.filter((line) => line.length >= 30).map((line) => line.length);
  if (long.length < 4) return null;
  const sorted = [...long].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  if (width > 100) return null;
  const inBand = long.filter((n) => n >= width - WRAP_SLACK && n <= width).length;
  if (inBand / long.length < 0.6) return null;
  let adjacent = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i] && lines[i - 1]) adjacent++;
  return adjacent >= 2 ? width : null;
}
