import { HeatwireError } from '../../core/errors.js';
import {
  cidrContains,
  formatIPv4,
  formatIp,
  parseCidr,
  parseIp,
  type Cidr,
  type IpAddress,
} from './ip-address.js';

/**
 * The SSRF guard (DESIGN.md §8): the fetcher never reaches loopback, private, link-local,
 * metadata or otherwise non-public addresses unless the operator lists them in `allowPrivate`.
 * Checked on the literal host of every URL (each redirect hop too) and on every address DNS
 * returns, at connect time (see guarded-lookup.ts), so the checked address is the one used.
 */

interface SpecialRange {
  cidr: Cidr;
  reason: string;
  /** The range embeds an IPv4 address in these bits (from the low end): classify that too. */
  embedsV4?: (value: bigint) => bigint;
}

function range(text: string, reason: string, embedsV4?: (value: bigint) => bigint): SpecialRange {
  const cidr = parseCidr(text);
  if (!cidr) throw new Error(`bad built-in range ${text}`);
  return { cidr, reason, embedsV4 };
}

const low32 = (v: bigint): bigint => v & 0xffffffffn;

// Order matters: the first match names the reason, so specific entries come first.
// Sources: IANA IPv4/IPv6 Special-Purpose Address Registries (RFC 6890) and cloud vendors' docs.
const SPECIAL_RANGES: SpecialRange[] = [
  range('169.254.169.254/32', 'cloud metadata endpoint (AWS, GCP, Azure, OpenStack)'),
  range('169.254.170.2/32', 'cloud metadata endpoint (AWS ECS task metadata)'),
  range('100.100.100.200/32', 'cloud metadata endpoint (Alibaba Cloud)'),
  range('168.63.129.16/32', 'cloud platform endpoint (Azure WireServer)'),
  range('192.0.0.192/32', 'cloud metadata endpoint (Oracle Cloud)'),
  range('fd00:ec2::254/128', 'cloud metadata endpoint (AWS IPv6)'),
  range('0.0.0.0/32', 'unspecified address 0.0.0.0 (RFC 1122)'),
  range('0.0.0.0/8', '"this network" 0.0.0.0/8 (RFC 1122)'),
  range('10.0.0.0/8', 'private network 10.0.0.0/8 (RFC 1918)'),
  range('100.64.0.0/10', 'carrier-grade NAT 100.64.0.0/10 (RFC 6598)'),
  range('127.0.0.0/8', 'loopback 127.0.0.0/8 (RFC 1122)'),
  range('169.254.0.0/16', 'link-local 169.254.0.0/16 (RFC 3927)'),
  range('172.16.0.0/12', 'private network 172.16.0.0/12 (RFC 1918)'),
  range('192.0.0.0/24', 'IETF protocol assignments 192.0.0.0/24 (RFC 6890)'),
  range('192.0.2.0/24', 'documentation TEST-NET-1 (RFC 5737)'),
  range('192.88.99.0/24', '6to4 relay anycast 192.88.99.0/24 (RFC 7526)'),
  range('192.168.0.0/16', 'private network 192.168.0.0/16 (RFC 1918)'),
  range('198.18.0.0/15', 'benchmarking 198.18.0.0/15 (RFC 2544)'),
  range('198.51.100.0/24', 'documentation TEST-NET-2 (RFC 5737)'),
  range('203.0.113.0/24', 'documentation TEST-NET-3 (RFC 5737)'),
  range('224.0.0.0/4', 'multicast 224.0.0.0/4 (RFC 5771)'),
  range('255.255.255.255/32', 'limited broadcast 255.255.255.255 (RFC 919)'),
  range('240.0.0.0/4', 'reserved 240.0.0.0/4 (RFC 1112)'),
  range('::/128', 'unspecified address :: (RFC 4291)'),
  range('::1/128', 'loopback ::1 (RFC 4291)'),
  range('::ffff:0:0/96', 'IPv4-mapped IPv6 (RFC 4291)', low32),
  range('::/96', 'IPv4-compatible IPv6, deprecated (RFC 4291)'),
  range('64:ff9b::/96', 'NAT64 well-known prefix (RFC 6052)', low32),
  range('64:ff9b:1::/48', 'local-use NAT64 64:ff9b:1::/48 (RFC 8215)'),
  range('100::/64', 'discard-only 100::/64 (RFC 6666)'),
  range('2001::/32', 'Teredo tunnelling 2001::/32 (RFC 4380)'),
  range('2001:2::/48', 'benchmarking 2001:2::/48 (RFC 5180)'),
  range('2001:10::/28', 'ORCHID 2001:10::/28 (RFC 4843)'),
  range('2001:20::/28', 'ORCHIDv2 2001:20::/28 (RFC 7343)'),
  range('2001:db8::/32', 'documentation 2001:db8::/32 (RFC 3849)'),
  // 6to4 (RFC 3056) carries the IPv4 address in bits 16..47.
  range('2002::/16', '6to4 (RFC 3056)', (v) => (v >> 80n) & 0xffffffffn),
  range('3fff::/20', 'documentation 3fff::/20 (RFC 9637)'),
  range('5f00::/16', 'SRv6 SIDs 5f00::/16 (RFC 9602)'),
  range('fc00::/7', 'unique local address fc00::/7 (RFC 4193)'),
  range('fe80::/10', 'link-local fe80::/10 (RFC 4291)'),
  range('fec0::/10', 'site-local fec0::/10, deprecated (RFC 3879)'),
  range('ff00::/8', 'multicast ff00::/8 (RFC 4291)'),
];

// Only 2000::/3 is allocated for global unicast (RFC 4291 §2.4); everything else is reserved.
const GLOBAL_UNICAST_V6 = parseCidr('2000::/3') as Cidr;

/** Host names that reach cloud metadata services whatever DNS says. */
const METADATA_HOSTS = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
]);

/**
 * Why `address` is not a public address, or null when it is. Accepts any textual form
 * (`::ffff:127.0.0.1`, `2130706433`, `0177.0.0.1`, `0x7f.1`); an embedded IPv4 (mapped, NAT64,
 * 6to4) is judged as the IPv4 address it reaches.
 */
export function classifyAddress(address: string | IpAddress): string | null {
  const ip = typeof address === 'string' ? parseIp(address) : address;
  if (!ip) return `not an IP address: ${typeof address === 'string' ? address : formatIp(address)}`;
  for (const special of SPECIAL_RANGES) {
    if (!cidrContains(special.cidr, ip)) continue;
    if (!special.embedsV4) return special.reason;
    const inner = special.embedsV4(ip.value);
    const innerReason = classifyAddress({ family: 4, value: inner });
    return innerReason ? `${special.reason} of ${formatIPv4(inner)}: ${innerReason}` : null;
  }
  if (ip.family === 6 && !cidrContains(GLOBAL_UNICAST_V6, ip)) {
    return 'reserved IPv6 space outside 2000::/3 (RFC 4291)';
  }
  return null;
}

/** Operator exceptions: CIDR ranges and host names (`intranet.example`, or `.corp.example` for a suffix). */
export interface AllowList {
  ranges: Cidr[];
  hosts: string[];
}

/** Parses `allowPrivate` entries; throws USAGE on an entry that is neither a CIDR nor a host name. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const allow: AllowList = { ranges: [], hosts: [] };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    const cidr = parseCidr(entry);
    if (cidr) allow.ranges.push(cidr);
    else if (/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/.test(entry)) allow.hosts.push(entry.replace(/\.$/, ''));
    else throw new HeatwireError('USAGE', `allowPrivate entry is neither a CIDR nor a host name: ${raw}`);
  }
  return allow;
}

/** The guard the fetcher consults before every request and on every resolved address. */
export interface SsrfGuard {
  /** Checks scheme and literal host of `url`; returns the parsed URL or throws FETCH_BLOCKED. */
  checkUrl(url: string | URL): URL;
  /** Checks one resolved address of `hostname`; throws FETCH_BLOCKED with the reason. */
  checkAddress(address: string, hostname: string, input?: string): void;
  /** True when the operator allowed this host name to reach private addresses. */
  isHostAllowed(hostname: string): boolean;
}

/** Builds the guard for the operator's `allowPrivate` list (CIDRs, addresses, host names). */
export function createSsrfGuard(allowPrivate: readonly string[] = []): SsrfGuard {
  const allow = parseAllowList(allowPrivate);

  const isHostAllowed = (hostname: string): boolean => {
    const host = normaliseHost(hostname);
    return allow.hosts.some((h) =>
      h.startsWith('.') ? host.endsWith(h) || host === h.slice(1) : host === h,
    );
  };

  const blockedReason = (ip: IpAddress): string | null => {
    const reason = classifyAddress(ip);
    if (!reason) return null;
    return allow.ranges.some((r) => cidrContains(r, ip)) ? null : reason;
  };

  const checkAddress = (address: string, hostname: string, input?: string): void => {
    if (isHostAllowed(hostname)) return;
    const ip = parseIp(address);
    const reason = ip ? blockedReason(ip) : `not an IP address: ${address}`;
    if (reason) {
      const shown = ip ? formatIp(ip) : address;
      const via = normaliseHost(hostname) === shown ? '' : ` (${hostname} resolved to ${shown})`;
      throw new HeatwireError('FETCH_BLOCKED', `${reason}${via}; add it to allowPrivate to permit`, {
        input: input ?? hostname,
      });
    }
  };

  const checkUrl = (url: string | URL): URL => {
    const input = String(url);
    let parsed: URL;
    try {
      parsed = typeof url === 'string' ? new URL(url) : url;
    } catch (cause) {
      throw new HeatwireError('FETCH_FAILED', `not a valid URL: ${input}`, { input, cause });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new HeatwireError('FETCH_BLOCKED', `scheme ${parsed.protocol} is not http or https`, { input });
    }
    const host = normaliseHost(parsed.hostname);
    if (METADATA_HOSTS.has(host) && !isHostAllowed(host)) {
      throw new HeatwireError('FETCH_BLOCKED', `cloud metadata host ${host}`, { input });
    }
    // The URL parser already turned 2130706433, 0177.0.0.1 and 0x7f.1 into 127.0.0.1; parseIp
    // accepts those forms too, so a host handed over without URL parsing is judged the same.
    if (parseIp(host)) checkAddress(host, host, input);
    return parsed;
  };

  return { checkUrl, checkAddress, isHostAllowed };
}

/** Lower-case, brackets and one trailing dot removed (`example.com.` is `example.com`). */
function normaliseHost(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
