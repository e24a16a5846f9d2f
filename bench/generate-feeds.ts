/**
 * Generates a deterministic corpus of feed files for `npm run bench:feeds`: every format
 * parseFeed reads, 1–500 items each (most feeds small, a few large), HTML entities, CDATA,
 * relative links and xml:base, media elements, several encodings, and ill-formed files
 * (bare "&", control characters, junk before the declaration, truncation, unclosed tags, HTML
 * pages). All text is invented here.
 *
 *   npx tsx bench/generate-feeds.ts [DIR] [--count N] [--seed S]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { mulberry32 } from '../test/support/mulberry32.js';

/** What a generated file should parse to. */
export interface GeneratedFeed {
  file: string;
  kind: string;
  /** Items a correct parser returns; undefined for ill-formed files (anything recovered is fine). */
  expectedItems: number | undefined;
  /** True when the file is deliberately broken. */
  broken: boolean;
}

const prng = mulberry32;

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sol', 'tav', 'qu', 'or', 'bel', 'dun', 'fi', 'gra', 'hes', 'jo', 'nix', 'pra', 'ul', 'vem', 'zo', 'ter'];
const CYRILLIC = ['новый', 'рынок', 'завод', 'город', 'отчёт', 'сделка', 'банк', 'рост'];
const LATIN1 = ['café', 'naïve', 'façade', 'über', 'señor', 'crème', 'jalapeño', 'Zürich'];
const LATIN2 = ['Łódź', 'Kraków', 'Gdańsk', 'Poznań', 'żółw', 'Brno', 'Šumava'];
const ZONES = ['GMT', 'EST', 'PDT', 'UT', '+0200', '-0700', 'Z', 'CEST'];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

class Writer {
  constructor(
    readonly rand: Rand,
    readonly extraWords: readonly string[],
  ) {}
  word(): string {
    if (this.extraWords.length && this.rand() < 0.15) return pick(this.rand, this.extraWords);
    const n = 1 + Math.floor(this.rand() * 3);
    return Array.from({ length: n }, () => pick(this.rand, SYLLABLES)).join('');
  }
  words(n: number): string {
    return Array.from({ length: n }, () => this.word()).join(' ');
  }
  /** Text with the entities feeds use: XML's own and HTML's named ones. */
  escapedText(n: number): string {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      parts.push(this.word());
      const r = this.rand();
      if (r < 0.05) parts.push('&amp;');
      else if (r < 0.08) parts.push('&nbsp;&eacute;');
      else if (r < 0.1) parts.push('&#8217;s');
    }
    return parts.join(' ');
  }
  html(paragraphs: number): string {
    return Array.from(
      { length: paragraphs },
      (_, i) => `<p>${this.words(12 + Math.floor(this.rand() * 40))} <a href="/p/${i}">${this.word()}</a></p>`,
    ).join('');
  }
  date(i: number): string {
    const t = Date.UTC(2024, 0, 1) - i * 3_600_000 - Math.floor(this.rand() * 3_000_000);
    const d = new Date(t);
    const r = this.rand();
    if (r < 0.5) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${pick(this.rand, ZONES)}`;
    }
    if (r < 0.9) return d.toISOString();
    if (r < 0.95) return d.toISOString().replace('T', ' ').slice(0, 19); // "2023-08-16 13:00:00"
    return 'not a date';
  }
}

const itemCount = (rand: Rand) => 1 + Math.floor(499 * rand() ** 3);

function rss2(w: Writer, n: number, encoding: string): string {
  const items = Array.from({ length: n }, (_, i) => {
    const media = w.rand() < 0.4 ? `<media:thumbnail url="/img/${i}.jpg" width="320" height="180"/><media:content url="https://cdn.gen.example/${i}.jpg" medium="image"/>` : '';
    const enc = w.rand() < 0.1 ? `<enclosure url="https://cdn.gen.example/${i}.mp3" length="${1000 + i}" type="audio/mpeg"/>` : '';
    const content = w.rand() < 0.5 ? `<content:encoded><![CDATA[${w.html(1 + Math.floor(w.rand() * 6))}]]></content:encoded>` : '';
    return `<item><title>${w.escapedText(6)}</title><link>/story/${i}</link><guid isPermaLink="false">gen-${i}</guid>` +
      `<pubDate>${w.date(i)}</pubDate><dc:creator>${w.words(2)}</dc:creator><category>${w.word()}</category>` +
      `<description>${w.escapedText(30)}</description>${content}${media}${enc}</item>`;
  });
  return `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel xml:base="https://gen.example/">` +
    `<title>${w.escapedText(3)}</title><link>https://gen.example/</link><description>${w.words(8)}</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

function rss091(w: Writer, n: number, encoding: string): string {
  const items = Array.from({ length: n }, (_, i) => `<item><title>${w.escapedText(5)}</title><link>https://gen.example/o/${i}</link><description>${w.escapedText(20)}</description></item>`);
  return `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="0.91"><channel><title>${w.words(2)}</title><link>https://gen.example/</link><description>${w.words(5)}</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

function rdf(w: Writer, n: number, encoding: string): string {
  const items = Array.from({ length: n }, (_, i) => `<item rdf:about="https://gen.example/r/${i}"><title>${w.escapedText(5)}</title><link>https://gen.example/r/${i}</link><dc:date>${new Date(Date.UTC(2023, 5, 1) - i * 60_000).toISOString()}</dc:date><description>${w.escapedText(25)}</description></item>`);
  return `<?xml version="1.0" encoding="${encoding}"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<channel rdf:about="https://gen.example/rdf"><title>${w.words(2)}</title><link>https://gen.example/</link><description>${w.words(5)}</description></channel>\n${items.join('\n')}\n</rdf:RDF>\n`;
}

function atom(w: Writer, n: number, encoding: string, v03: boolean): string {
  const entries = Array.from({ length: n }, (_, i) => {
    const content = v03
      ? `<content type="text/html" mode="escaped">${w.html(2).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content>`
      : w.rand() < 0.5
        ? `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${w.html(2)}</div></content>`
        : `<content type="html"><![CDATA[${w.html(3)}]]></content>`;
    const date = v03 ? `<issued>${w.date(i)}</issued><modified>${w.date(i)}</modified>` : `<published>${w.date(i)}</published><updated>${w.date(i)}</updated>`;
    return `<entry${w.rand() < 0.2 ? ' xml:base="/section/"' : ''}><title type="html">${w.escapedText(5)}</title><link rel="alternate" href="e/${i}"/><id>tag:gen.example,2024:${i}</id>${date}` +
      `<summary>${w.escapedText(15)}</summary>${content}<category term="${w.word()}"/></entry>`;
  });
  const ns = v03 ? 'xmlns="http://purl.org/atom/ns#" version="0.3"' : 'xmlns="http://www.w3.org/2005/Atom"';
  return `<?xml version="1.0" encoding="${encoding}"?>\n<feed ${ns} xml:base="https://gen.example/blog/"><title>${w.words(2)}</title><link rel="alternate" href="./"/>` +
    `<author><name>${w.words(2)}</name></author>\n${entries.join('\n')}\n</feed>\n`;
}

function jsonFeed(w: Writer, n: number, v11: boolean): string {
  const items = Array.from({ length: n }, (_, i) => ({
    id: w.rand() < 0.1 ? i : `j-${i}`,
    url: `https://gen.example/j/${i}`,
    title: w.words(6),
    content_html: w.html(2),
    date_published: w.date(i),
    tags: [w.word()],
    ...(w.rand() < 0.3 ? { image: `https://gen.example/img/${i}.png` } : {}),
  }));
  return JSON.stringify({
    version: v11 ? 'https://jsonfeed.org/version/1.1' : 'https://jsonfeed.org/version/1',
    title: w.words(2),
    home_page_url: 'https://gen.example/',
    items,
  });
}

/** Ill-formed variants of a well-formed RSS text. */
function breakFeed(text: string, rand: Rand, how: string): string {
  switch (how) {
    case 'bare-ampersand':
      return text.replace(/&amp;/g, '&').replace(/<link>\/story\/(\d+)<\/link>/g, '<link>/story?id=$1&section=x</link>');
    case 'control-chars':
      return text.replace(/ /g, (s) => (rand() < 0.01 ? '\u0001' : rand() < 0.01 ? '\u000B' : s));
    case 'junk-before':
      return `Warning: cannot modify header information\n\n  ${text}`;
    case 'truncated':
      return text.slice(0, Math.floor(text.length * (0.2 + rand() * 0.7)));
    case 'unclosed':
      return text.replace(/<\/item>/g, (s) => (rand() < 0.5 ? '' : s)).replace(/<\/channel>/, '');
    default:
      return `<!DOCTYPE html><html><head><title>${text.length}</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>not a feed</p></body></html>`;
  }
}

const BROKEN = ['bare-ampersand', 'control-chars', 'junk-before', 'truncated', 'unclosed', 'html-page'];

/** Writes `count` feed files into `dir` (emptied first) and a manifest.json; returns the manifest. */
export function generateFeeds(dir: string, count = 2000, seed = 1): GeneratedFeed[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const manifest: GeneratedFeed[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const n = itemCount(rand);
    // Encodings: mostly UTF-8, the rest spread over what the parser must handle.
    const e = rand();
    const encoding = e < 0.7 ? 'utf-8' : e < 0.78 ? 'windows-1252' : e < 0.84 ? 'iso-8859-1' : e < 0.89 ? 'utf-16' : e < 0.94 ? 'koi8-r' : e < 0.97 ? 'iso-8859-2' : 'utf-8-bom';
    const extra = encoding === 'koi8-r' ? CYRILLIC : encoding === 'iso-8859-2' ? LATIN2 : encoding === 'utf-8' ? [...LATIN1, ...CYRILLIC] : encoding.startsWith('utf') ? LATIN2 : LATIN1;
    const w = new Writer(rand, extra);
    const declared = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
    let kind: string;
    let text: string;
    let broken = false;
    if (r < 0.38) [kind, text] = ['rss2.0', rss2(w, n, declared)];
    else if (r < 0.56) [kind, text] = ['atom1.0', atom(w, n, declared, false)];
    else if (r < 0.63) [kind, text] = ['rss1.0', rdf(w, n, declared)];
    else if (r < 0.67) [kind, text] = ['rss0.9x', rss091(w, n, declared)];
    else if (r < 0.71) [kind, text] = ['atom0.3', atom(w, n, declared, true)];
    else if (r < 0.78) [kind, text] = ['jsonfeed1.1', jsonFeed(w, n, true)];
    else if (r < 0.82) [kind, text] = ['jsonfeed1.0', jsonFeed(w, n, false)];
    else {
      const how = pick(rand, BROKEN);
      [kind, text, broken] = [`broken:${how}`, breakFeed(rss2(w, n, declared), rand, how), true];
    }
    const json = kind.startsWith('jsonfeed');
    let bytes: Buffer;
    if (json) bytes = Buffer.from(text, 'utf8');
    else if (encoding === 'utf-16') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    else if (encoding === 'utf-8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    else bytes = iconv.encode(text, encoding);
    const file = `${String(i).padStart(5, '0')}-${kind.replace(':', '-')}.${json ? 'json' : 'xml'}`;
    writeFileSync(join(dir, file), bytes);
    manifest.push({ file, kind, expectedItems: broken ? undefined : n, broken });
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** Default corpus folder. */
export const DEFAULT_FEEDS_DIR = join(tmpdir(), 'heatwire-bench-feeds');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const count = Number(flag('--count') ?? 2000);
  const seed = Number(flag('--seed') ?? 1);
  const dir = args[0] ?? DEFAULT_FEEDS_DIR;
  const manifest = generateFeeds(dir, count, seed);
  console.log(`wrote ${manifest.length} feeds to ${dir}`);
}
