import { describe, expect, it } from 'vitest';
import { findHosts, hostMatchesSite, inferDomain, registrableLabel } from './infer-domain.js';

describe('inferDomain', () => {
  it.each([
    ['ShiftDelete.Net Global', 'shiftdelete.net'],
    ['Example.com', 'example.com'],
    ['www.Haber.com.tr', 'haber.com.tr'],
    ['Northwind.io Weekly', 'northwind.io'],
    ['https://news.example.org/', 'news.example.org'],
    ['The Coastal Ledger', undefined],
    ['St.Louis Daily', undefined],
    ['Mr.Smith Reports', undefined],
  ])('%j → %s', (name, domain) => {
    expect(inferDomain(name)).toBe(domain);
  });
});

describe('findHosts', () => {
  it('finds publisher hosts in a footer, without share platforms or duplicates', () => {
    const footer =
      'Follow us: https://twitter.com/ledger https://www.facebook.com/ledger\n' +
      'Visit https://www.coastalledger.example/subscribe or coastalledger.example/tips. © 2024 coastalledger.example';
    expect(findHosts(footer)).toEqual(['coastalledger.example']);
  });

  it('ignores words with dots that are not domains', () => {
    expect(findHosts('He left at 5.30 p.m. and e.g. took the bus.')).toEqual([]);
  });
});

describe('hostMatchesSite', () => {
  it.each([
    ['coastalledger.example', 'The Coastal Ledger', true],
    ['shiftdelete.net', 'ShiftDelete.Net Global', true],
    ['kuzeyekspres.com.tr', 'Kuzey Ekspres Haber', true],
    ['reuters.example', 'The Coastal Ledger', false],
  ])('%s ~ %j → %s', (host, site, match) => {
    expect(hostMatchesSite(host, site)).toBe(match);
  });

  it('takes the label before a two-level country suffix', () => {
    expect(registrableLabel('www.news.example.co.uk')).toBe('example');
    expect(registrableLabel('haber.com.tr')).toBe('haber');
  });
});
