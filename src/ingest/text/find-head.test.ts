import { describe, expect, it } from 'vitest';
import { contentStems } from './content-stems.js';
import { findHead, splitTitleSite } from './find-head.js';

const body =
  'The regional ferry operator will add two evening crossings to the island from May, after a winter of complaints ' +
  'about crowded boats. The ferry company said the extra crossings would run until the end of September.';
const context = (elsewhere = ''): { bodyStems: Set<string>; elsewhere: string } => ({
  bodyStems: contentStems(body),
  elsewhere: `${body}\n${elsewhere}`,
});

describe('findHead', () => {
  it.each([
    ['site then title', ['Island Herald', 'Ferry operator adds evening crossings'], 'Island Herald'],
    ['title then site', ['Ferry operator adds evening crossings', 'Island Herald'], 'Island Herald'],
    ['domain site', ['islandnews.example', 'Ferry operator adds evening crossings'], 'islandnews.example'],
    ['"Title | Site"', ['Ferry operator adds evening crossings | Island Herald'], 'Island Herald'],
    ['"Title - Site"', ['Ferry operator adds evening crossings - Island Herald'], 'Island Herald'],
    ['"Title — Site"', ['Ferry operator adds evening crossings — Island Herald'], 'Island Herald'],
    ['"Site | Title"', ['Island Herald | Ferry operator adds evening crossings'], 'Island Herald'],
    ['"Title | Site" without brand words', ['Ferry operator adds evening crossings | Kestrel'], 'Kestrel'],
    ['title only', ['Ferry operator adds evening crossings'], undefined],
    [
      'tagline before the title',
      ['Island Herald', 'Your weekly island digest', 'Ferry operator adds evening crossings'],
      'Island Herald',
    ],
  ])('%s', (_name, lines, site) => {
    const head = findHead(lines, context());
    expect(head.title).toBe('Ferry operator adds evening crossings');
    expect(head.siteName).toBe(site);
  });

  it('takes a short first line as the site when the footer repeats it', () => {
    const head = findHead(['Kestrel', 'Ferry operator adds evening crossings'], context('© 2024 Kestrel'));
    expect(head).toMatchObject({ siteName: 'Kestrel', title: 'Ferry operator adds evening crossings' });
  });

  it('does not take an unrelated short line as the site without evidence', () => {
    const head = findHead(['Kestrel', 'Ferry operator adds evening crossings'], context());
    expect(head.siteName).toBeUndefined();
    expect(head.title).toBe('Ferry operator adds evening crossings');
  });

  it('keeps a standfirst sentence after the title and drops menu words before it', () => {
    const head = findHead(
      [
        'Island Herald',
        'World',
        'Ferry operator adds evening crossings',
        'Two more boats a day from May to September',
      ],
      context(),
    );
    expect(head.title).toBe('Ferry operator adds evening crossings');
    expect(head.standfirst).toEqual(['Two more boats a day from May to September']);
  });

  it('strips Markdown heading marks from the title', () => {
    expect(findHead(['# Ferry operator adds evening crossings'], context()).title).toBe(
      'Ferry operator adds evening crossings',
    );
  });

  it('finds no title among one-word lines', () => {
    expect(findHead(['News', 'Sport', 'Weather'], context()).title).toBeUndefined();
  });
});

describe('splitTitleSite', () => {
  it('does not split a hyphenated headline whose tail is not a site', () => {
    expect(splitTitleSite('Ferry fares - what changes in May', '')).toBeUndefined();
    expect(splitTitleSite('Ferry operator adds crossings - and raises fares', '')).toBeUndefined();
  });

  it('splits at the last separator so the title may contain one', () => {
    expect(splitTitleSite('Ferries | buses | trains: what changes in May | Island Herald', '')).toEqual({
      title: 'Ferries | buses | trains: what changes in May',
      site: 'Island Herald',
    });
  });
});
