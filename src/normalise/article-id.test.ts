import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleId } from './article-id.js';
import { contentFingerprint } from './content-fingerprint.js';

const sha16 = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

describe('articleId', () => {
  const fingerprint = contentFingerprint('Harbour bridge reopens', 'Traffic resumed on Monday.');

  it.each([
    [
      'a canonical URL',
      { canonicalUrl: 'https://news.example.org/a', fingerprint },
      sha16('https://news.example.org/a'),
    ],
    ['no URL', { fingerprint }, sha16(fingerprint)],
    ['a null URL', { canonicalUrl: null, fingerprint }, sha16(fingerprint)],
    ['an empty URL', { canonicalUrl: '', fingerprint }, sha16(fingerprint)],
  ])('hashes %s', (_label, input, expected) => {
    const id = articleId(input);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(id).toBe(expected);
  });

  it('is pinned: ids are persisted, so the algorithm must never change silently', () => {
    expect(articleId({ canonicalUrl: 'https://news.example.org/2024/05/story-title', fingerprint })).toBe(
      '753d624ea4b8768b',
    );
  });

  it('differs between URLs and ignores the fingerprint when a URL is given', () => {
    const a = articleId({ canonicalUrl: 'https://news.example.org/a', fingerprint });
    expect(articleId({ canonicalUrl: 'https://news.example.org/b', fingerprint })).not.toBe(a);
    expect(articleId({ canonicalUrl: 'https://news.example.org/a', fingerprint: 'other' })).toBe(a);
  });
});

describe('contentFingerprint', () => {
  const base = contentFingerprint(
    'Harbour Bridge Reopens',
    'Traffic resumed on Monday. Officials said: "it is safe".',
  );

  it('is sha256 hex', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['case', 'HARBOUR BRIDGE REOPENS', 'traffic resumed on monday. officials said: "it is safe".'],
    [
      'whitespace',
      '  Harbour\tBridge\n Reopens ',
      'Traffic  resumed\n\non Monday.   Officials said: "it is safe".',
    ],
    [
      'curly quotes and dashes',
      'Harbour Bridge Reopens',
      'Traffic resumed on Monday. Officials said: “it is safe”.',
    ],
    ['punctuation', 'Harbour Bridge Reopens!', 'Traffic resumed on Monday; Officials said — "it is safe"'],
    [
      'NFKC forms',
      'Ｈａｒｂｏｕｒ Bridge Reopens',
      'Traffic resumed on Monday. Officials said: "it is safe".',
    ],
    [
      'invisible characters',
      'Har\u00adbour Bridge Re\u200bopens',
      'Traffic resumed on Monday. Officials said: "it is safe".',
    ],
  ])('ignores %s', (_label, title, text) => {
    expect(contentFingerprint(title, text)).toBe(base);
  });

  it.each([
    [
      'a different title',
      'Harbour Bridge Closes',
      'Traffic resumed on Monday. Officials said: "it is safe".',
    ],
    [
      'a different text',
      'Harbour Bridge Reopens',
      'Traffic stopped on Monday. Officials said: "it is safe".',
    ],
    [
      'words moved from title to text',
      'Harbour Bridge',
      'Reopens Traffic resumed on Monday. Officials said: "it is safe".',
    ],
  ])('changes with %s', (_label, title, text) => {
    expect(contentFingerprint(title, text)).not.toBe(base);
  });

  it('reads only the first 2000 characters of the normalised text', () => {
    const head = 'word '.repeat(400); // exactly 2000 characters, the whole window
    const a = contentFingerprint('T', `${head}x tail one`);
    expect(contentFingerprint('T', `${head}x tail two`)).toBe(a);
    expect(contentFingerprint('T', `${head.slice(0, -6)}y x`)).not.toBe(
      contentFingerprint('T', `${head.slice(0, -6)}z x`),
    );
  });

  it('does not split a surrogate pair at the window edge', () => {
    const text = `${'a'.repeat(1999)}😀😀`;
    expect(() => contentFingerprint('T', text)).not.toThrow();
    expect(contentFingerprint('T', text)).toBe(contentFingerprint('T', `${'a'.repeat(1999)}😀`));
  });

  it('accepts a missing text', () => {
    expect(contentFingerprint('Only a title')).toBe(contentFingerprint('only a title', ''));
  });
});
