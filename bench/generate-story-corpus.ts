/**
 * Deterministic corpus with planted stories for `npm run bench:stories` and the cluster tests.
 * Fictional events (invented companies, people, products) are covered by several providers, each
 * rewriting the facts in its own words (synonym swaps, reordered and dropped sentences, different
 * headlines); some articles reappear as near-duplicates (AMP/tracking URL variants and small edits
 * on the same site; syndicated copies on other sites); singleton noise is mixed in. Events arrive
 * at a constant daily rate, so a bigger corpus spans more days, not denser days.
 *
 *   npx tsx bench/generate-story-corpus.ts [--count N] [--seed S] [--out DIR]
 * writes DIR/corpus.jsonl (the form `heatwire ingest` reads) and DIR/truth.jsonl.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../test/support/mulberry32.js';

/** One JSONL line as `heatwire ingest` reads it. */
export interface CorpusItem {
  title: string;
  excerpt: string;
  publishedDateTime: string;
  webUrl: string;
  provider: { name: string; domain: string };
  text: string;
}

/** Ground truth for one item (same line number). */
export interface CorpusTruth {
  id: string;
  story: string;
  duplicateOf?: string;
  relation?: 'same-article' | 'copy-of';
}

/** Corpus shape; defaults give ~60 articles a day. */
export interface CorpusOptions {
  articles: number;
  seed?: number;
  eventsPerDay?: number;
  start?: string;
}

type Rng = () => number;
const createRng = (seed: number): Rng => mulberry32(seed);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
function shuffle<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const SYL_A = ['vel', 'nor', 'quen', 'bra', 'tal', 'zor', 'mir', 'ost', 'kel', 'dra', 'lum', 'fen', 'cor', 'sil', 'tav', 'rin', 'pol', 'gar', 'hex', 'yor'];
const SYL_B = ['ix', 'ane', 'ora', 'umo', 'eta', 'ion', 'ava', 'ent', 'ulo', 'isk', 'ard', 'yne', 'oth', 'ela', 'arc'];
const SUFFIX = ['Labs', 'Systems', 'Robotics', 'Bank', 'Health', 'Energy', 'Networks', 'Foods', 'Motors', 'Capital', 'Logistics', 'Games', 'Semiconductors', 'Media', 'Telecom'];
const FIRST = ['Ana', 'Bram', 'Cleo', 'Dario', 'Elif', 'Femi', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaia', 'Lior', 'Mira', 'Nils', 'Orla', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Tove', 'Umar', 'Vera', 'Wren', 'Yara'];
const CITIES = ['Port Avel', 'Lindmark', 'Castor Bay', 'New Orvik', 'Saltmere', 'Brisa', 'Kettleford', 'Vamora', 'Oldhaven', 'Tiramon'];
const PRODUCTS = ['assistant', 'chip', 'battery', 'headset', 'payments app', 'delivery drone', 'cloud database', 'sedan', 'smartwatch', 'translation model', 'satellite', 'vaccine'];
const ROLES = ['chief executive', 'chief financial officer', 'chief technology officer', 'head of research', 'president'];

const SYNONYMS: Record<string, string[]> = {
  acquire: ['buy', 'purchase', 'take over'],
  company: ['firm', 'business', 'group'],
  said: ['stated', 'noted', 'told reporters'],
  deal: ['transaction', 'agreement', 'takeover'],
  expects: ['anticipates', 'forecasts', 'predicts'],
  customers: ['clients', 'users', 'buyers'],
  announced: ['revealed', 'unveiled', 'disclosed'],
  staff: ['employees', 'workers', 'personnel'],
  big: ['major', 'large', 'significant'],
  plans: ['intends', 'aims', 'hopes'],
};
function rewrite(rng: Rng, sentence: string): string {
  return sentence.replace(/\b(acquire|company|said|deal|expects|customers|announced|staff|big|plans)\b/g, (w) =>
    rng() < 0.6 ? pick(rng, SYNONYMS[w]!) : w,
  );
}

interface Event {
  id: string;
  day: number;
  size: number;
  headlines: string[];
  facts: string[];
}

function makeName(rng: Rng): string {
  return cap(pick(rng, SYL_A) + pick(rng, SYL_B) + (rng() < 0.5 ? pick(rng, SYL_A) : ''));
}
function makeCompany(rng: Rng): string {
  return `${makeName(rng)} ${pick(rng, SUFFIX)}`;
}
function makePerson(rng: Rng): string {
  return `${pick(rng, FIRST)} ${makeName(rng)}`;
}

function makeEvent(rng: Rng, id: string, day: number, size: number): Event {
  const a = makeCompany(rng);
  const b = makeCompany(rng);
  const boss = makePerson(rng);
  const city = pick(rng, CITIES);
  const product = `${makeName(rng)} ${pick(rng, PRODUCTS)}`;
  const n = int(rng, 2, 95);
  const kind = int(rng, 0, 4);
  const generic = [
    `${a} is based in ${city} and has ${n * 40} staff.`,
    `The company said more details would follow in the coming weeks.`,
    `Shares of ${a} moved ${int(rng, 1, 12)} percent in early trading in ${city}.`,
    `${b} was founded ${int(rng, 3, 40)} years ago and sells mostly to customers outside ${city}.`,
    `Analysts at ${makeCompany(rng)} called the news a turning point for the ${product} market.`,
    `${boss} first joined ${a} in ${int(rng, 1990, 2020)} and has since led ${int(rng, 2, 9)} product launches.`,
    `Neither company would comment on the timing beyond a short statement issued in ${city}.`,
    `Revenue at ${a} reached ${int(rng, 2, 80)} billion dollars last year, according to its filings.`,
  ];
  const sets: Array<[string[], string[]]> = [
    [
      [`${a} to acquire ${b} for $${n}bn`, `${a} agrees ${n} billion dollar deal for ${b}`, `${b} sold to ${a} in $${n}bn deal`],
      [`${a} announced it will acquire ${b} for ${n} billion dollars.`, `${boss}, who runs ${a}, said the deal gives it the ${product}.`, `${b} makes the ${product} and counts ${n * 3} million customers.`, `The deal expects approval from regulators in ${city} by the end of the year.`],
    ],
    [
      [`${a} raises $${n}m led by ${b}`, `${b} backs ${a} with ${n} million dollar round`, `${a} lands $${n}m to grow ${product}`],
      [`${a} announced a funding round of ${n} million dollars led by ${b}.`, `The money will pay for the ${product}, ${boss} said.`, `${a} plans to double its staff in ${city}.`, `${b} said it saw big demand from customers for the ${product}.`],
    ],
    [
      [`${a} unveils ${product}`, `${a} launches ${product} in ${city}`, `First look at the ${product} from ${a}`],
      [`${a} announced the ${product} at an event in ${city}.`, `${boss} said the ${product} will cost ${n * 10} dollars.`, `Rival ${b} sells a similar device, analysts said.`, `The company expects ${n} thousand customers in the first month.`],
    ],
    [
      [`${boss} leaves ${b} to join ${a} as ${pick(rng, ROLES)}`, `${a} hires ${boss} from ${b}`, `${b} loses ${boss} to ${a}`],
      [`${boss} will join ${a} as ${pick(rng, ROLES)} after ${n % 20} years at ${b}.`, `${a} said ${boss} will lead work on the ${product}.`, `${b} announced an interim replacement in ${city}.`, `The move is the big hire of the year for ${a}.`],
    ],
    [
      [`${b} sues ${a} over ${product}`, `${a} faces lawsuit from ${b}`, `Court fight: ${b} takes ${a} to court in ${city}`],
      [`${b} announced a lawsuit against ${a} in a court in ${city}.`, `The suit says the ${product} copies designs owned by ${b}.`, `${b} seeks ${n} million dollars in damages.`, `${boss} said ${a} expects to win the case.`],
    ],
  ];
  const [headlines, facts] = sets[kind]!;
  return { id, day, size, headlines, facts: [...facts, ...generic] };
}

const FILLER = [
  'Subscribe to the {site} briefing for more coverage like this.',
  'Our reporters in the region will keep following the story.',
  'Markets elsewhere were quiet as traders waited for central bank news.',
  'Readers can send tips to the {site} newsroom at any time.',
  'This article was produced with help from our data desk.',
  'Earlier this month the sector saw a wave of similar announcements.',
];

const PROVIDERS = Array.from({ length: 40 }, (_, i) => {
  const name = `${cap(['daily', 'morning', 'tech', 'market', 'city', 'global', 'open', 'fair'][i % 8]!)} ${cap(['ledger', 'wire', 'post', 'signal', 'courier'][Math.floor(i / 8)]!)}`;
  return { name, domain: `${name.toLowerCase().replace(/\s+/g, '')}.example` };
});

function writeArticle(rng: Rng, event: Event, at: number, n: number): CorpusItem {
  const provider = pick(rng, PROVIDERS);
  const facts = shuffle(rng, [...event.facts]).slice(0, int(rng, 3, event.facts.length - 2));
  const sentences = facts.map((f) => rewrite(rng, f));
  // House filler shared by unrelated articles of the same outlet: noise a clusterer must ignore.
  for (let k = int(rng, 0, 2); k > 0; k--) sentences.push(pick(rng, FILLER).replace('{site}', provider.name));
  const slug = pick(rng, event.headlines).toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
  return {
    title: rewrite(rng, pick(rng, event.headlines)),
    excerpt: sentences[0]!,
    publishedDateTime: new Date(at).toISOString(),
    webUrl: `https://${provider.domain}/news/${slug}-${n}`,
    provider,
    text: sentences.join(' '),
  };
}

/** Builds the corpus in arrival (publication) order. Same options → byte-identical output. */
export function generateStoryCorpus(options: CorpusOptions): { items: CorpusItem[]; truth: CorpusTruth[] } {
  const rng = createRng(options.seed ?? 7);
  const start = Date.parse(options.start ?? '2024-01-01T00:00:00Z');
  const perDay = options.eventsPerDay ?? 14;
  const rows: Array<{ item: CorpusItem; truth: CorpusTruth; at: number }> = [];
  let e = 0;
  while (rows.length < options.articles) {
    const day = Math.floor(e / perDay);
    // 35% singletons (noise); the rest 2–12 articles from different outlets.
    const size = rng() < 0.35 ? 1 : int(rng, 2, 12);
    const event = makeEvent(rng, `e${e}`, day, size);
    const t0 = start + day * 86_400_000 + int(rng, 0, 86_399) * 1000;
    for (let k = 0; k < size && rows.length < options.articles; k++) {
      const at = t0 + Math.floor(rng() ** 2 * 2.5 * 86_400_000);
      const id = `a${rows.length}`;
      const item = writeArticle(rng, event, at, rows.length);
      rows.push({ item, truth: { id, story: event.id }, at });
      if (rng() < 0.1 && rows.length < options.articles) {
        const copy = makeDuplicate(rng, item, rows.length);
        rows.push({ item: copy.item, truth: { id: `a${rows.length}`, story: event.id, duplicateOf: id, relation: copy.relation }, at: at + int(rng, 60, 36_000) * 1000 });
      }
    }
    e++;
  }
  rows.sort((x, y) => x.at - y.at || (x.truth.id < y.truth.id ? -1 : 1));
  for (const r of rows) r.item.publishedDateTime = new Date(r.at).toISOString();
  return { items: rows.map((r) => r.item), truth: rows.map((r) => r.truth) };
}

function makeDuplicate(rng: Rng, item: CorpusItem, n: number): { item: CorpusItem; relation: 'same-article' | 'copy-of' } {
  const mode = int(rng, 0, 2);
  if (mode === 0) {
    const url = rng() < 0.5 ? item.webUrl.replace('/news/', '/amp/news/') : `${item.webUrl}?utm_source=feed&utm_medium=rss&ref=${n}`;
    return { item: { ...item, webUrl: url }, relation: 'same-article' };
  }
  if (mode === 1) {
    const text = `${item.text} This story has been updated with a comment from the company.`;
    return { item: { ...item, text, webUrl: `${item.webUrl}-updated` }, relation: 'same-article' };
  }
  let provider = pick(rng, PROVIDERS);
  if (provider.domain === item.provider.domain) provider = PROVIDERS[(PROVIDERS.indexOf(provider) + 1) % PROVIDERS.length]!;
  const title = rng() < 0.5 ? item.title : `${item.title} (syndicated)`;
  return { item: { ...item, title, provider, webUrl: `https://${provider.domain}/wire/${n}` }, relation: 'copy-of' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string): string => {
    const i = args.indexOf(name);
    return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
  };
  const out = opt('--out', 'data/bench/stories');
  const { items, truth } = generateStoryCorpus({ articles: Number(opt('--count', '3000')), seed: Number(opt('--seed', '7')) });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'corpus.jsonl'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  writeFileSync(join(out, 'truth.jsonl'), truth.map((t) => JSON.stringify(t)).join('\n') + '\n');
  console.log(`wrote ${items.length} articles to ${out}/corpus.jsonl and ground truth to ${out}/truth.jsonl`);
}
