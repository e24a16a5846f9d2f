import { isIPv6 } from 'node:net';

/**
 * IP address parsing and CIDR matching for the SSRF guard. Addresses are held as BigInt so one
 * code path serves IPv4 (32 bits) and IPv6 (128 bits). Pure, no I/O.
 */

/** A parsed IP address. */
export interface IpAddress {
  family: 4 | 6;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

/** A CIDR range such as `10.0.0.0/8` or `fc00::/7`. */
export interface Cidr {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

/**
 * Parses IPv4 the way the WHATWG URL host parser (and inet_aton) does, so that every form a URL
 * may carry is recognised: `127.0.0.1`, `2130706433` (one 32-bit number), `0177.0.0.1` (octal),
 * `0x7f.1` (hex, short forms where the last part fills the remaining bytes). Null when not IPv4.
 */
export function parseIPv4(input: string): bigint | null {
  let text = input;
  // WHATWG URL §4.4 IPv4 parser: one trailing dot is allowed ("127.0.0.1.").
  if (text.endsWith('.')) text = text.slice(0, -1);
  const parts = text.split('.');
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseIPv4Part(part);
    if (n === null) return null;
    numbers.push(n);
  }
  const last = numbers.pop() ?? 0;
  if (numbers.some((n) => n > 255)) return null;
  // The last part fills all remaining bytes: a.b.c.d, a.b.(16 bits), a.(24 bits), (32 bits).
  if (last >= 256 ** (4 - numbers.length)) return null;
  let value = 0n;
  numbers.forEach((n, i) => {
    value += BigInt(n) << BigInt(8 * (3 - i));
  });
  return value + BigInt(last);
}

function parseIPv4Part(part: string): number | null {
  if (part === '') return null;
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(digits)) {
    digits = digits.slice(2);
    radix = 16;
    if (digits === '') return 0; // "0x" alone is zero per WHATWG.
  } else if (digits.length > 1 && digits.startsWith('0')) {
    digits = digits.slice(1);
    radix = 8;
  }
  const pattern = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!pattern.test(digits)) return null;
  const n = parseInt(digits, radix);
  return Number.isSafeInteger(n) ? n : null;
}

/** Parses an IPv6 address (brackets and a `%zone` suffix allowed) to a 128-bit value. */
export function parseIPv6(input: string): bigint | null {
  let text = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!isIPv6(text)) return null;
  // A trailing dotted quad (::ffff:1.2.3.4) stands for the last two 16-bit groups (RFC 4291 §2.2).
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = parseIPv4(dotted[1]);
    if (v4 === null) return null;
    const hi = Number(v4 >> 16n).toString(16);
    const lo = Number(v4 & 0xffffn).toString(16);
    text = `${text.slice(0, dotted.index)}${hi}:${lo}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  if (groups.length !== 8) return null;
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}

/**
 * Parses an address in any accepted form: IPv6 (with or without brackets) or IPv4 in any of
 * the WHATWG forms. Null when `input` is not an IP address (e.g. a host name).
 */
export function parseIp(input: string): IpAddress | null {
  const v6 = input.includes(':') ? parseIPv6(input) : null;
  if (v6 !== null) return { family: 6, value: v6 };
  const v4 = parseIPv4(input);
  return v4 === null ? null : { family: 4, value: v4 };
}

/** Parses `addr/prefix` (or a bare address, as a /32 or /128). Null when malformed. */
export function parseCidr(input: string): Cidr | null {
  const slash = input.lastIndexOf('/');
  const addrText = slash >= 0 ? input.slice(0, slash) : input;
  const ip = parseIp(addrText);
  if (!ip) return null;
  const max = BITS[ip.family];
  const prefixText = slash >= 0 ? input.slice(slash + 1) : String(max);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > max) return null;
  return { family: ip.family, base: ip.value, prefix };
}

/** True when `ip` lies inside `range` (same family, same leading `prefix` bits). */
export function cidrContains(range: Cidr, ip: IpAddress): boolean {
  if (range.family !== ip.family) return false;
  const shift = BigInt(BITS[ip.family] - range.prefix);
  return range.base >> shift === ip.value >> shift;
}

/** Formats a 32-bit value as a dotted quad. */
export function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
}

/** Formats an address canonically (dotted quad for IPv4, full lower-case groups for IPv6). */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return formatIPv4(ip.value);
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((ip.value >> shift) & 0xffffn).toString(16));
  return groups.join(':');
}
