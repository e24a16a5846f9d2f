/**
 * Small URL helpers shared by the normalise stage. The WHATWG URL parser (the one browsers use)
 * does the heavy lifting; these add what it leaves alone: percent-encoding case and the raw query.
 */

/** Parses an absolute http(s) URL (or a reference resolved against `base`); null otherwise. */
export function parseHttpUrl(input: string, base?: string | null): URL | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * RFC 3986 §6.2.2.1–2: percent-encodings use upper-case hex, and encoded unreserved characters
 * (ALPHA DIGIT - . _ ~) are decoded. Both forms name the same resource. A stray `%` (not followed
 * by two hex digits, invalid per §2.1) becomes `%25`, so that decoding never forms a new escape
 * (`%%41` would otherwise turn into `%A` and change again on the next pass).
 */
export function normalisePercentEncoding(value: string): string {
  return value.replace(/%([0-9A-Fa-f]{2})?/g, (_match, hex: string | undefined) => {
    if (hex === undefined) return '%25';
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** One `name=value` pair of a query, as raw (still encoded) text. */
export interface QueryPiece {
  name: string;
  /** null for a bare `name` without `=`. */
  value: string | null;
}

/** Splits `?a=1&b&&c=` into raw pieces, dropping empty ones. Does not decode or re-encode. */
export function splitQuery(search: string): QueryPiece[] {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  const pieces: QueryPiece[] = [];
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    pieces.push(
      eq < 0 ? { name: part, value: null } : { name: part.slice(0, eq), value: part.slice(eq + 1) },
    );
  }
  return pieces;
}

/** Joins pieces back into `a=1&b` (no leading `?`; empty string when there are none). */
export function joinQuery(pieces: QueryPiece[]): string {
  return pieces.map((p) => (p.value === null ? p.name : `${p.name}=${p.value}`)).join('&');
}

/** Decodes a query component as application/x-www-form-urlencoded does; raw text if malformed. */
export function decodeQueryComponent(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Host without the trailing root dot (`example.com.` and `example.com` are one host). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/\.+$/, '');
}
