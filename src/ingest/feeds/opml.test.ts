import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { parseOpml, writeOpml } from './opml.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'feeds');

describe('parseOpml', () => {
  it('turns nested folders and categories into tags, merging a feed listed twice', () => {
    const opml = parseOpml(readFileSync(join(FIXTURES, 'subscriptions.opml')));
    expect(opml.title).toBe('Desk subscriptions');
    expect(opml.outlines).toEqual([
      { xmlUrl: 'https://silicon.example/feed', htmlUrl: 'https://silicon.example/', title: 'Silicon Weekly', tags: ['Tech', 'Chips', 'Local'] },
      { xmlUrl: 'https://cloud.example/rss.xml', title: 'Cloud Notes', tags: ['Tech', 'Infra', 'Ops'] },
      { xmlUrl: 'https://loose.example/atom.xml', title: 'Loose feed', tags: [] },
    ]);
    expect(opml.warnings).toEqual([]);
  });

  it('resolves relative xmlUrl against the OPML URL and skips unusable ones', () => {
    const opml = parseOpml(
      '<opml version="1.0"><body><outline text="a" xmlUrl="feeds/a.xml"/><outline text="b" xmlUrl="javascript:x"/></body></opml>',
      { url: 'https://lists.example/me/subs.opml' },
    );
    expect(opml.outlines.map((o) => o.xmlUrl)).toEqual(['https://lists.example/me/feeds/a.xml']);
    expect(opml.warnings.join(' ')).toMatch(/1 outline\(s\) had an unusable xmlUrl/);
  });

  it('accepts lowercase attribute names and type="rss" with url', () => {
    const opml = parseOpml('<opml><body><outline type="rss" text="x" url="https://x.example/rss"/><outline xmlurl="https://y.example/rss"/></body></opml>');
    expect(opml.outlines.map((o) => o.xmlUrl)).toEqual(['https://x.example/rss', 'https://y.example/rss']);
  });

  it('says when the list is empty, and rejects what is not OPML', () => {
    expect(parseOpml('<opml><head/><body/></opml>').warnings).toContain('the OPML lists no feeds');
    for (const bad of ['<rss version="2.0"/>', 'plain text', '']) {
      expect(() => parseOpml(bad)).toThrow(HeatwireError);
    }
  });
});

describe('writeOpml', () => {
  const sources = [
    { xmlUrl: 'https://a.example/feed?x=1&y=2', htmlUrl: 'https://a.example/', title: 'A & B <news>', tags: ['Tech', 'AI'] },
    { xmlUrl: 'https://c.example/rss', title: 'C', tags: ['Tech'] },
    { xmlUrl: 'https://d.example/atom' },
  ];

  it('round-trips through parseOpml: urls, titles and tags', () => {
    const xml = writeOpml(sources, { title: 'Mine', now: new Date('2024-03-06T00:00:00Z') });
    expect(xml).toContain('<dateCreated>Wed, 06 Mar 2024 00:00:00 GMT</dateCreated>');
    expect(xml).toContain('xmlUrl="https://a.example/feed?x=1&amp;y=2"');
    const back = parseOpml(xml);
    expect(back.title).toBe('Mine');
    expect(back.outlines).toEqual([
      { xmlUrl: 'https://a.example/feed?x=1&y=2', htmlUrl: 'https://a.example/', title: 'A & B <news>', tags: ['Tech', 'AI'] },
      { xmlUrl: 'https://c.example/rss', title: 'C', tags: ['Tech'] },
      { xmlUrl: 'https://d.example/atom', title: 'https://d.example/atom', tags: [] },
    ]);
  });

  it('writes a well-formed document even for an empty list', () => {
    const back = parseOpml(writeOpml([]));
    expect(back.outlines).toEqual([]);
    expect(back.warnings).toEqual(['the OPML lists no feeds']);
  });
});
