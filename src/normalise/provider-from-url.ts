import { ampToCanonical } from './amp-to-canonical.js';
import { hostOf, parseHttpUrl } from './url-parts.js';

/** Leading labels that name a rendering of the site, not a different publisher. */
const RENDERING_PREFIXES = ['www.', 'amp.', 'm.'];

/**
 * The publisher's domain from an article URL: the host without `www.`, `amp.` and `m.`
 * (`https://m.www.example.co.uk/x` → `example.co.uk`); AMP caches are unwrapped first. Other
 * subdomains are kept (`blog.example.com`): without the public-suffix list, a shorter domain
 * would be a guess. Null when the URL is unparseable.
 */
export function providerFromUrl(url: string): { domain: string } | null {
  const plain = ampToCanonical(url);
  const parsed = plain ? parseHttpUrl(plain) : null;
  if (!parsed) return null;
  let host = hostOf(parsed);
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of RENDERING_PREFIXES) {
      const rest = host.slice(prefix.length);
      // Keep at least two labels: `m.com` is a domain, not a mobile rendering of `com`.
      if (host.startsWith(prefix) && rest.includes('.')) {
        host = rest;
        changed = true;
      }
    }
  }
  return { domain: host };
}
