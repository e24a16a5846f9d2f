import { KNOWN_TLDS, PLATFORM_HOSTS, SECOND_LEVEL_LABELS } from './site-lexicon.js';

const TLDS = new Set(KNOWN_TLDS);
const SECOND_LEVEL = new Set(SECOND_LEVEL_LABELS);

/** A host name: dot-separated labels of letters, digits and inner hyphens (RFC 1035 §2.3.1). */
const HOST_RE = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,24}$/u;

/**
 * The domain named inside a site name, if any: "ShiftDelete.Net Global" → "shiftdelete.net",
 * "Example.com" → "example.com", "www.haber.com.tr" → "haber.com.tr". Only known top-level
 * domains count, so "St.Louis Daily" names none.
 */
export function inferDomain(siteName: string): string | undefined {
  for (const token of siteName.split(/\s+/)) {
    const host = toHost(token);
    if (host) return host;
  }
  return undefined;
}

/**
 * Publisher hosts mentioned in free text (URLs, "www." names, bare domains), in order of
 * appearance, without duplicates and without share/platform hosts (facebook.com, t.co…).
 */
export function findHosts(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(
    /(?:https?:\/\/)?[\p{L}\p{N}][\p{L}\p{N}.-]{2,252}(?:[/:?#][^\s<>"')\]]*)?/giu,
  )) {
    const host = toHost(match[0]);
    if (host && !isPlatform(host) && !out.includes(host)) out.push(host);
  }
  return out;
}

/**
 * Whether a host plausibly belongs to a site name: its registrable label ("shiftdelete" in
 * "shiftdelete.net", "haber" in "haber.com.tr") appears in the name with spaces and punctuation
 * removed, or the name in the label.
 */
export function hostMatchesSite(host: string, siteName: string): boolean {
  const label = registrableLabel(host);
  const compact = siteName.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (label.length < 3 || compact.length < 3) return false;
  return compact.includes(label) || label.includes(compact);
}

/** "news.example.co.uk" → "example"; "shiftdelete.net" → "shiftdelete". */
export function registrableLabel(host: string): string {
  const labels = host.split('.');
  const n = labels.length;
  const ccWithSecondLevel =
    n >= 3 && (labels[n - 1] ?? '').length === 2 && SECOND_LEVEL.has(labels[n - 2] ?? '');
  return (ccWithSecondLevel ? labels[n - 3] : labels[n - 2]) ?? '';
}

function toHost(token: string): string | undefined {
  let candidate = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}/]+$/gu, '');
  if (/^https?:\/\//i.test(candidate)) {
    try {
      candidate = new URL(candidate).hostname;
    } catch {
      return undefined;
    }
  } else {
    candidate = candidate.split(/[/:?#]/)[0] ?? '';
  }
  const host = candidate
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  if (host.length > 253 || !HOST_RE.test(host)) return undefined;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return TLDS.has(tld) || tld.startsWith('xn--') ? host : undefined;
}

function isPlatform(host: string): boolean {
  return PLATFORM_HOSTS.some((p) => host === p || host.endsWith(`.${p}`));
}
