import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { cidrContains, formatIp, parseCidr, parseIPv4, parseIp } from './ip-address.js';
import { classifyAddress, createSsrfGuard, parseAllowList } from './ssrf-guard.js';

describe('parseIPv4 (WHATWG forms)', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.0.0.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['10.1.65535', '10.1.255.255'],
    ['0', '0.0.0.0'],
    ['1.2.3.4.', '1.2.3.4'],
    ['0xA9.0xFE.0xA9.0xFE', '169.254.169.254'],
  ])('%s → %s', (input, expected) => {
    const value = parseIPv4(input);
    expect(value).not.toBeNull();
    expect(formatIp({ family: 4, value: value as bigint })).toBe(expected);
  });

  it.each(['256.0.0.1', '1.2.3.4.5', '08.0.0.1', 'example.com', '1..2', '', '4294967296', '1.2.3.256'])(
    'rejects %j',
    (input) => {
      expect(parseIPv4(input)).toBeNull();
    },
  );
});

describe('parseIp / parseCidr', () => {
  it('reads IPv6 with embedded IPv4, brackets and zones', () => {
    expect(formatIp(parseIp('::ffff:127.0.0.1')!)).toBe('0:0:0:0:0:ffff:7f00:1');
    expect(formatIp(parseIp('[::1]')!)).toBe('0:0:0:0:0:0:0:1');
    expect(formatIp(parseIp('fe80::1%eth0')!)).toBe('fe80:0:0:0:0:0:0:1');
    expect(parseIp('2001:db8::1::2')).toBeNull();
    expect(parseIp('example.org')).toBeNull();
  });

  it('matches ranges bit by bit', () => {
    const r = parseCidr('172.16.0.0/12')!;
    expect(cidrContains(r, parseIp('172.31.255.255')!)).toBe(true);
    expect(cidrContains(r, parseIp('172.32.0.0')!)).toBe(false);
    expect(cidrContains(parseCidr('fc00::/7')!, parseIp('fdff::1')!)).toBe(true);
    expect(cidrContains(parseCidr('fc00::/7')!, parseIp('fe00::1')!)).toBe(false);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIp('::1')!)).toBe(false);
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/x')).toBeNull();
  });
});

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /this network/],
    ['10.20.30.40', /RFC 1918/],
    ['172.16.5.4', /RFC 1918/],
    ['192.168.1.1', /RFC 1918/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['169.254.1.1', /link-local/],
    ['169.254.169.254', /metadata/],
    ['100.100.100.200', /metadata/],
    ['168.63.129.16', /Azure/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['240.0.0.1', /reserved/],
    ['198.18.0.1', /benchmarking/],
    ['192.0.2.10', /documentation/],
    ['2130706433', /loopback/],
    ['0177.0.0.1', /loopback/],
    ['0x7f.1', /loopback/],
    ['::1', /loopback ::1/],
    ['::', /unspecified/],
    ['::ffff:127.0.0.1', /IPv4-mapped.*127\.0\.0\.1.*loopback/],
    ['::ffff:7f00:1', /IPv4-mapped.*loopback/],
    ['::ffff:a9fe:a9fe', /IPv4-mapped.*metadata/],
    ['::127.0.0.1', /IPv4-compatible/],
    ['64:ff9b::127.0.0.1', /NAT64.*loopback/],
    ['64:ff9b::a00:1', /NAT64.*RFC 1918/],
    ['64:ff9b:1::1', /local-use NAT64/],
    ['2002:7f00:1::1', /6to4.*loopback/],
    ['2001:0:4136:e378::1', /Teredo/],
    ['2001:db8::1', /documentation/],
    ['fc00::1', /unique local/],
    ['fd12:3456::1', /unique local/],
    ['fd00:ec2::254', /metadata/],
    ['fe80::1', /link-local/],
    ['fe80::1%lo0', /link-local/],
    ['febf::1', /link-local/],
    ['fec0::1', /site-local/],
    ['ff02::1', /multicast/],
    ['100::1', /discard-only/],
    ['4000::1', /reserved IPv6/],
    ['not-an-ip', /not an IP/],
  ])('%s is refused (%s)', (address, reason) => {
    expect(classifyAddress(address)).toMatch(reason);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });
});

function blocked(fn: () => unknown): HeatwireError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HeatwireError);
    return err as HeatwireError;
  }
  throw new Error('expected FETCH_BLOCKED, nothing was thrown');
}

describe('createSsrfGuard', () => {
  const guard = createSsrfGuard();

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.1/',
    'http://0x7f000001:8080/x',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[fe80::1]/',
    'http://[fd00:ec2::254]/latest/meta-data',
    'http://169.254.169.254/latest/meta-data',
    'http://0xa9fea9fe/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://METADATA.google.internal./',
    'http://0.0.0.0:8080/',
    'http://[::]/',
    'https://10.0.0.1/',
  ])('refuses %s', (url) => {
    const err = blocked(() => guard.checkUrl(url));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.input).toBe(url);
  });

  it.each([
    'file:///etc/passwd',
    'ftp://example.org/x',
    'gopher://example.org/',
    'data:text/plain,hi',
    'javascript:alert(1)',
  ])('refuses the scheme of %s', (url) => {
    const err = blocked(() => guard.checkUrl(url));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.message).toMatch(/scheme/);
  });

  it('lets public literals and host names through (names are checked after DNS)', () => {
    expect(guard.checkUrl('https://93.184.216.34/a').hostname).toBe('93.184.216.34');
    expect(guard.checkUrl('https://news.example/a').hostname).toBe('news.example');
  });

  it('checks resolved addresses and names the host in the reason', () => {
    const err = blocked(() => guard.checkAddress('127.0.0.1', 'sneaky.example', 'http://sneaky.example/'));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.message).toMatch(/loopback.*sneaky\.example resolved to 127\.0\.0\.1/);
    expect(err.input).toBe('http://sneaky.example/');
    expect(() => guard.checkAddress('93.184.216.34', 'fine.example')).not.toThrow();
  });

  it('allows exactly what the operator lists', () => {
    const g = createSsrfGuard(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'intranet.example', '.corp.example']);
    expect(g.checkUrl('http://127.0.0.1:9/').port).toBe('9');
    expect(g.checkUrl('http://2130706433/').hostname).toBe('127.0.0.1');
    expect(() => g.checkAddress('10.9.8.7', 'x.example')).not.toThrow();
    expect(() => g.checkAddress('fd00::5', 'x.example')).not.toThrow();
    expect(() => g.checkAddress('192.168.1.1', 'intranet.example')).not.toThrow();
    expect(() => g.checkAddress('192.168.1.1', 'wiki.corp.example')).not.toThrow();
    expect(() => g.checkAddress('192.168.1.1', 'corp.example')).not.toThrow();
    // Neighbours of the allowed entries stay refused.
    expect(blocked(() => g.checkUrl('http://127.0.0.2/')).code).toBe('FETCH_BLOCKED');
    expect(blocked(() => g.checkAddress('192.168.1.1', 'notcorp.example')).code).toBe('FETCH_BLOCKED');
    expect(blocked(() => g.checkUrl('http://[::1]/')).code).toBe('FETCH_BLOCKED');
    expect(blocked(() => g.checkUrl('http://169.254.169.254/')).code).toBe('FETCH_BLOCKED');
  });

  it('rejects malformed allow-list entries', () => {
    expect(() => parseAllowList(['10.0.0.0/99'])).toThrow(/allowPrivate/);
    expect(() => parseAllowList(['http://x/'])).toThrow(/allowPrivate/);
  });
});
