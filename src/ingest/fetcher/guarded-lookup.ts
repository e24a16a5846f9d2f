import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { HeatwireError } from '../../core/errors.js';
import type { SsrfGuard } from './ssrf-guard.js';

/** One resolved address. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** The DNS port: host name → addresses. Tests inject a table; production uses node:dns. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** The default resolver: the system's getaddrinfo via node:dns, all addresses, in its order. */
export const resolveWithDns: Resolve = async (hostname) => {
  const found = await dns.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * A `lookup` for net.connect/tls.connect (undici passes its `connect` options through) that
 * resolves with the injected `resolve` and runs every address through the guard. Because the
 * socket connects to exactly the addresses checked here, a DNS answer that changes between a
 * check and the connect (DNS rebinding) cannot slip through. If any address is refused the whole
 * host is refused: a public name that also answers with 127.0.0.1 is an attack, not a fallback.
 */
export function createGuardedLookup(guard: SsrfGuard, resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    const wantAll = Boolean((options as { all?: boolean }).all);
    const family = (options as { family?: number | string }).family;
    resolve(hostname)
      .then((found) => {
        for (const a of found) guard.checkAddress(a.address, hostname);
        // Node asks for one family when the socket was pinned to it (family: 4 | 6).
        const usable = family === 4 || family === 6 ? found.filter((a) => a.family === family) : found;
        if (usable.length === 0) {
          throw new HeatwireError('FETCH_FAILED', `no address found for ${hostname}`, { input: hostname });
        }
        if (wantAll) {
          const all: LookupAddress[] = usable.map((a) => ({ address: a.address, family: a.family }));
          (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, all);
        } else {
          const first = usable[0] as ResolvedAddress;
          callback(null, first.address, first.family);
        }
      })
      .catch((err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        callback(error, '', 0);
      });
  };
}
