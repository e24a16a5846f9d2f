import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/support/error-of.js';
import { DEFAULT_PROVIDERS_PATH, loadProviderTable, lookupReputation, normaliseDomain, parseProviderTable } from './provider-table.js';

const badFile = fileURLToPath(new URL('../../../test/fixtures/quality/bad-reputation.yaml', import.meta.url));


describe('provider table', () => {
  it('ships defaults for wire services, newspapers and tech press, with a neutral default', () => {
    const table = loadProviderTable(DEFAULT_PROVIDERS_PATH);
    expect(table.defaultReputation).toBe(0.5);
    for (const domain of ['reuters.com', 'apnews.com', 'nytimes.com', 'techcrunch.com']) {
      expect(lookupReputation(table, { domain }).reputation).toBeGreaterThan(0.7);
    }
    expect(lookupReputation(table, { domain: 'nobody.example' })).toEqual({ reputation: 0.5, via: 'default' });
  });

  it('matches www, subdomains, URLs and names', () => {
    const table = parseProviderTable('default: 0.4\nproviders:\n  bbc.co.uk: {reputation: 0.9, name: BBC}\n  x.com: 0.2\n', 'inline.yaml');
    expect(lookupReputation(table, { domain: 'https://WWW.bbc.co.uk/news' }).via).toBe('domain');
    expect(lookupReputation(table, { domain: 'news.bbc.co.uk' })).toMatchObject({ reputation: 0.9, via: 'parent-domain' });
    expect(lookupReputation(table, { name: 'bbc' })).toMatchObject({ reputation: 0.9, via: 'name' });
    // A bare public suffix is never a provider: "co.uk" must not match via "bbc.co.uk".
    expect(lookupReputation(table, { domain: 'other.co.uk' })).toEqual({ reputation: 0.4, via: 'default' });
    expect(lookupReputation(table, { domain: 'x.com' }).reputation).toBe(0.2);
    expect(normaliseDomain('www2.Example.org:8080/a?b')).toBe('example.org');
  });

  it('names the file and the entry when an entry is invalid', () => {
    const err = errorOf(() => loadProviderTable(badFile));
    expect(err.code).toBe('RECORD_INVALID');
    expect(err.describe()).toMatch(/bad-reputation\.yaml: RECORD_INVALID .*provider 'broken\.example' reputation: reputation must be between 0 and 1/);
  });

  it.each([
    ['not YAML', 'providers: [unclosed', 'RECORD_YAML'],
    ['bad domain key', 'providers:\n  "Not A Domain": 0.5\n', 'RECORD_INVALID'],
    ['unknown field', 'providers: {}\nextra: 1\n', 'RECORD_INVALID'],
    ['default out of range', 'default: -1\nproviders: {}\n', 'RECORD_INVALID'],
  ])('rejects %s', (_name, text, code) => {
    const err = errorOf(() => parseProviderTable(text, 'mine.yaml'));
    expect(err.code).toBe(code);
    expect(err.input).toBe('mine.yaml');
  });

  it('reports a missing file as NOT_FOUND with its path', () => {
    const err = errorOf(() => loadProviderTable('/nonexistent/providers.yaml'));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.input).toBe('/nonexistent/providers.yaml');
  });
});
