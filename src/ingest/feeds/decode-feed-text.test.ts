import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetOfContentType, decodeFeedText } from './decode-feed-text.js';
import { parseFeed } from './parse-feed.js';

const now = new Date('2024-03-06T00:00:00Z');

/** A one-item RSS document with this title, declared with `encoding` (or no declaration). */
function rss(title: string, encoding?: string): string {
  const decl = encoding ? `<?xml version="1.0" encoding="${encoding}"?>` : '<?xml version="1.0"?>';
  return `${decl}<rss version="2.0"><channel><title>${title}</title><link>https://enc.example/</link>` +
    `<item><title>${title}</title><link>https://enc.example/1</link></item></channel></rss>`;
}

const titleOf = (bytes: Buffer, contentType?: string) => parseFeed(bytes, { now, contentType }).items[0]?.title;

describe('decodeFeedText: byte-order marks', () => {
  it('reads UTF-8 with a BOM and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss('Crème brûlée', 'utf-8'))]);
    const decoded = decodeFeedText(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(titleOf(bytes)).toBe('Crème brûlée');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const text = rss('Ζεστό καλοκαίρι', 'UTF-16');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    expect(decodeFeedText(le)).toMatchObject({ encoding: 'utf-16le', source: 'bom' });
    expect(decodeFeedText(be)).toMatchObject({ encoding: 'utf-16be', source: 'bom' });
    expect(titleOf(le)).toBe('Ζεστό καλοκαίρι');
    expect(titleOf(be)).toBe('Ζεστό καλοκαίρι');
  });

  it('sniffs UTF-16 without a BOM from "<?" (XML 1.0 Appendix F)', () => {
    const le = iconv.encode(rss('Ünïcödé', 'UTF-16'), 'utf-16le');
    expect(decodeFeedText(le)).toMatchObject({ encoding: 'utf-16le', source: 'sniffed' });
    expect(titleOf(le)).toBe('Ünïcödé');
  });

  it('lets the BOM win over the HTTP charset and the declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss('Smørrebrød', 'windows-1252'))]);
    expect(titleOf(bytes, 'application/rss+xml; charset=windows-1252')).toBe('Smørrebrød');
  });
});

describe('decodeFeedText: declarations and the HTTP charset', () => {
  it('reads windows-1252 bytes (curly quotes, euro sign)', () => {
    // "Café “ok” €5" as windows-1252 bytes: 0xE9 é, 0x93/0x94 curly quotes, 0x80 euro sign.
    const title = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x80, 0x35]).toString('latin1');
    const bytes = Buffer.from(rss(title, 'windows-1252'), 'latin1');
    expect(decodeFeedText(bytes)).toMatchObject({ encoding: 'windows-1252', source: 'declaration' });
    expect(titleOf(bytes)).toBe('Café “ok” €5');
  });

  it('reads ISO-8859-1 labels as windows-1252 (WHATWG Encoding §4.2)', () => {
    const bytes = Buffer.from(rss('\x93quoted\x94 na\xefve', 'ISO-8859-1'), 'latin1');
    expect(titleOf(bytes)).toBe('“quoted” naïve');
  });

  it('reads ISO-8859-2 and KOI8-R through iconv-lite', () => {
    expect(titleOf(iconv.encode(rss('Łódź i Kraków', 'ISO-8859-2'), 'iso-8859-2'))).toBe('Łódź i Kraków');
    expect(titleOf(iconv.encode(rss('Новости дня', 'KOI8-R'), 'koi8-r'))).toBe('Новости дня');
  });

  it('lets the HTTP charset win over the declaration (RFC 7303 §3.2) and says so', () => {
    const bytes = iconv.encode(rss('Привет, мир', 'windows-1252'), 'windows-1251');
    const feed = parseFeed(bytes, { now, contentType: 'text/xml; charset="windows-1251"' });
    expect(feed.items[0]?.title).toBe('Привет, мир');
    expect(feed.encoding).toBe('windows-1251 (http)');
    expect(feed.warnings.join(' ')).toMatch(/overrides the declared windows-1252/);
  });

  it('uses the declaration when the Content-Type has no charset', () => {
    const bytes = iconv.encode(rss('Ελλάδα', 'ISO-8859-7'), 'iso-8859-7');
    expect(titleOf(bytes, 'application/rss+xml')).toBe('Ελλάδα');
  });

  it('falls back to windows-1252 with a warning when UTF-8 was assumed but the bytes are not UTF-8', () => {
    const bytes = Buffer.from(rss('Entr\xe9e libre'), 'latin1');
    const feed = parseFeed(bytes, { now });
    expect(feed.items[0]?.title).toBe('Entrée libre');
    expect(feed.warnings.join(' ')).toMatch(/not valid UTF-8; decoded as windows-1252/);
  });

  it('falls back to the declared encoding when the HTTP header wrongly claims UTF-8', () => {
    const bytes = iconv.encode(rss('Gdańsk', 'ISO-8859-2'), 'iso-8859-2');
    expect(titleOf(bytes, 'application/xml; charset=utf-8')).toBe('Gdańsk');
  });

  it('treats a UTF-16 declaration in ASCII-compatible bytes as UTF-8', () => {
    const bytes = Buffer.from(rss('Größe', 'UTF-16'), 'utf8');
    expect(decodeFeedText(bytes).encoding).toBe('utf-8');
    expect(titleOf(bytes)).toBe('Größe');
  });

  it('warns about an unknown label and reads UTF-8', () => {
    const decoded = decodeFeedText(Buffer.from(rss('Plain', 'x-klingon-9')));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings.join(' ')).toMatch(/unknown encoding "x-klingon-9"/);
  });

  it('reads the meta charset of an HTML page', () => {
    const bytes = iconv.encode('<!DOCTYPE html><html><head><meta charset="koi8-r"><title>Дом</title></head></html>', 'koi8-r');
    expect(parseFeed(bytes, { now }).title).toBe('Дом');
  });

  it('passes strings through, without a leading BOM', () => {
    expect(decodeFeedText('\uFEFF<rss/>')).toMatchObject({ text: '<rss/>', source: 'string' });
  });
});

describe('charsetOfContentType', () => {
  it.each([
    ['application/rss+xml; charset=UTF-8', 'UTF-8'],
    ['text/xml;charset="iso-8859-1"', 'iso-8859-1'],
    ['application/atom+xml', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => {
    expect(charsetOfContentType(header)).toBe(expected);
  });
});
