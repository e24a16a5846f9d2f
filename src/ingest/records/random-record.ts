import type { NewsRecord } from '../../core/record.js';

/**
 * Seeded random news records for property and fuzz tests (test support, not used at run time).
 * Strings are drawn to stress YAML: quotes, colons, `---`, `#`, multi-line text, numbers,
 * booleans, dates and nulls spelled as strings, YAML indicators, unicode and control characters.
 */

/** mulberry32: a tiny deterministic PRNG, so every failure is reproducible from its seed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY = [
  'yes', 'No', 'off', 'on', 'y', 'n', 'true', 'FALSE', 'null', '~', 'Null', '', ' ', '42', '-1', '0x1F', '0o17', '012',
  '1e3', '.5', '-.inf', '.NaN', '1_000', '1:20', '2023-08-16', '2023-08-16T13:00:00Z', '---', '...', '--- x', '- item',
  '? key', ': value', 'a: b', 'a:b', 'a #b', '#comment', '[a, b]', '{a: 1}', '&anchor', '*alias', '!tag', '!!str x', '%YAML',
  '@at', '`tick', '|', '>', '"quoted"', "'single'", 'it’s “curly”', 'tab\there', 'trailing ', ' leading', '<<',
  'Ünïcödé', '日本語のニュース', 'مرحبا بالعالم', 'emoji 🚀🔥', 'e\u0301', 'zero\u200bwidth', 'bell\u0007', 'nel\u0085x',
  'ls\u2028ps\u2029', 'bom\uFEFF', 'back\\slash', 'multi\nline', 'ends with newline\n', '\nstarts with newline',
  'two\n\nblank\n\n\n', '  indented\n  block', 'line\n---\nafter dashes', 'line\n...\nafter dots', 'cr\rin the middle',
  'crlf\r\nline', 'x\n#not a comment', 'k: v\n- item',
];
const WORDS = ['Meta', 'model', 'rollout', 'chip', 'board', 'CEO', 'leaves', 'raises', 'AI', 'research', 'the', 'of'];

/** Random records; `depth` bounds the nesting of `related`. */
export function createRecordGenerator(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number) => random() < p;

  const words = (n: number) => Array.from({ length: 1 + int(n) }, () => pick(WORDS)).join(' ');
  const randomString = (): string => {
    const r = random();
    if (r < 0.45) return pick(TRICKY);
    if (r < 0.7) return words(8);
    if (r < 0.85) return `${pick(TRICKY)}${pick([' ', ': ', '\n', ' # ', ''])}${pick(TRICKY)}`;
    // Random code points from a few planes, skipping lone surrogates (not valid Unicode text).
    return Array.from({ length: 1 + int(12) }, () => {
      const cp = pick([0x20 + int(0x5f), 0xa0 + int(0x700), 0x4e00 + int(0x100), 0x1f300 + int(0x100), int(0x20)]);
      return String.fromCodePoint(cp);
    }).join('');
  };
  const isoDate = () =>
    `20${10 + int(20)}-${pad(1 + int(12))}-${pad(1 + int(28))}T${pad(int(24))}:${pad(int(60))}:${pad(int(60))}${pick(['Z', '+02:00', '.123Z'])}`;
  const url = () => `https://${pick(['news', 'a-b', 'xn--bcher-kva'])}.example/${encodeURIComponent(randomString()) || 'x'}?q=${int(99)}&r=1#f`;
  const title = () => {
    const t = randomString();
    return t.trim() === '' ? 'fallback title' : t;
  };

  const randomValue = (depth: number): unknown => {
    const r = random();
    if (r < 0.4 || depth > 2) return randomString();
    if (r < 0.55) return pick([0, 1, -1, 19, 87, 3.25, -0.5, 1e21, 123456789012, 0.1 + 0.2]);
    if (r < 0.62) return chance(0.5);
    if (r < 0.67) return null;
    if (r < 0.82) return Array.from({ length: int(4) }, () => randomValue(depth + 1));
    const obj: Record<string, unknown> = {};
    for (let i = int(4); i > 0; i--) define(obj, randomKey(), randomValue(depth + 1));
    return obj;
  };
  const KNOWN = new Set(['category', 'title', 'excerpt', 'publishedDateTime', 'updatedDateTime', 'originalUrl', 'webUrl',
    'ampWebUrl', 'cdnAmpWebUrl', 'type', 'quality', 'heat', 'published', 'provider', 'topics', 'images', 'related', 'secured', 'text', 'html']);
  const randomKey = (): string => {
    const k = chance(0.1) ? '__proto__' : chance(0.5) ? pick(TRICKY) : `x${words(2).replace(/ /g, '_')}`;
    return KNOWN.has(k) ? `${k}_x` : k;
  };

  const record = (depth: number): NewsRecord => {
    const r: Record<string, unknown> = {};
    const maybe = (p: number, key: string, value: () => unknown) => {
      if (chance(p)) define(r, key, value());
    };
    maybe(0.5, 'category', () => pick(['news', 'blog', 'research', 'yes']));
    define(r, 'title', title());
    maybe(0.7, 'excerpt', randomString);
    maybe(0.7, 'publishedDateTime', isoDate);
    maybe(0.2, 'updatedDateTime', isoDate);
    maybe(0.5, 'originalUrl', url);
    maybe(0.7, 'webUrl', url);
    maybe(0.3, 'ampWebUrl', url);
    maybe(0.5, 'type', () => pick(['article', 'video', 'on']));
    maybe(0.5, 'quality', () => int(101));
    maybe(0.5, 'heat', () => int(101) - 1);
    maybe(0.5, 'published', () => chance(0.5));
    for (let i = int(3); i > 0; i--) define(r, randomKey(), randomValue(1));
    maybe(0.6, 'provider', () => ({ name: title(), ...(chance(0.5) ? { domain: 'news.example' } : {}) }));
    maybe(0.6, 'topics', () => Array.from({ length: int(4) }, randomString));
    maybe(0.4, 'images', () =>
      Array.from({ length: int(3) }, () => ({ url: url(), width: int(2000), height: int(2000), isCached: chance(0.5) })),
    );
    if (depth > 0) maybe(0.5, 'related', () => Array.from({ length: int(3) }, () => record(depth - 1)));
    maybe(0.4, 'secured', () => `${btoa(randomString().replace(/[^\x20-\x7e]/g, '') || 'x')};AAAAAAAAAAAAAAAA`);
    return r as NewsRecord;
  };

  const body = (): string | undefined =>
    chance(0.3) ? undefined : Array.from({ length: 1 + int(5) }, () => (chance(0.2) ? '---' : randomString())).join(pick(['\n', '\n\n']));

  return { record, body, randomString };
}

/** Sets an own data property, so that `__proto__` becomes a field and not the prototype. */
function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
