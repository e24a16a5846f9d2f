import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * The AMP cache subdomain encoding (https://developers.google.com/amp/cache/overview#amp-cache-url-format):
 * the publisher host, in Unicode, with every `-` doubled and every `.` turned into `-`, then
 * IDNA-encoded back into one DNS label. Hosts that do not fit one label (over 63 characters,
 * or mixed scripts) get a base32 hash instead, which cannot be decoded.
 */

/** Encodes a publisher host into its AMP cache label (`www.example.com` → `www-example-com`). */
export function encodeAmpCacheHost(host: string): string {
  const unicode = domainToUnicode(host.toLowerCase()) || host.toLowerCase();
  const label = unicode.replace(/-/g, '--').replace(/\./g, '-');
  return domainToASCII(label) || label;
}

/**
 * Decodes an AMP cache label back to the publisher host (`-` → `.`, `--` → `-`), or null when
 * the label is a hash or does not decode to a plausible host.
 */
export function decodeAmpCacheHost(label: string): string | null {
  const ascii = label.toLowerCase();
  // IDNA labels (`xn--…`) are decoded first: their own `--` is not part of the cache encoding.
  const unicode = ascii.startsWith('xn--') ? domainToUnicode(ascii) : ascii;
  if (!unicode) return null;
  let host = '';
  for (let i = 0; i < unicode.length; i++) {
    if (unicode[i] !== '-') host += unicode[i];
    else if (unicode[i + 1] === '-') {
      host += '-';
      i++;
    } else host += '.';
  }
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l === '' || l.startsWith('-') || l.endsWith('-'))) return null;
  return domainToASCII(host) || null;
}
