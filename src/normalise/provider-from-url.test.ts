import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sharedAvailable, sharedPath } from '../../test/support/shared.js';
import { providerFromUrl } from './provider-from-url.js';

describe('providerFromUrl', () => {
  it.each([
    ['https://www.example.org/a', 'example.org'],
    ['https://example.org/a', 'example.org'],
    ['https://m.example.org/a', 'example.org'],
    ['https://amp.example.org/a', 'example.org'],
    ['https://m.www.example.co.uk/a', 'example.co.uk'],
    ['https://WWW.Example.ORG./a', 'example.org'],
    ['https://blog.example.org/a', 'blog.example.org'],
    ['https://www-example-org.cdn.ampproject.org/c/s/www.example.org/a/amp/', 'example.org'],
    ['https://m.com/a', 'm.com'],
    ['https://www.com/a', 'www.com'],
    ['http://127.0.0.1:8080/a', '127.0.0.1'],
  ])('%s → %s', (url, domain) => {
    expect(providerFromUrl(url)).toEqual({ domain });
  });

  it.each(['', 'nonsense', 'mailto:a@example.org'])('%j → null', (url) => {
    expect(providerFromUrl(url)).toBeNull();
  });
});

describe.skipIf(!sharedAvailable('seeds'))('seeds: provider.domain from webUrl', () => {
  it('matches every record that has both', () => {
    const checked: string[] = [];
    const visit = (record: Record<string, unknown>) => {
      const provider = record.provider as { domain?: unknown } | undefined;
      if (typeof record.webUrl === 'string' && typeof provider?.domain === 'string') {
        expect(providerFromUrl(record.webUrl)?.domain, record.webUrl).toBe(provider.domain);
        checked.push(record.webUrl);
      }
      if (Array.isArray(record.related)) for (const r of record.related) visit(r as Record<string, unknown>);
    };
    for (const file of readdirSync(sharedPath('seeds'))) {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(sharedPath('seeds', file), 'utf8'));
      if (front?.[1]) visit(parse(front[1]) as Record<string, unknown>);
    }
    expect(checked.length).toBeGreaterThanOrEqual(9);
  });
});
