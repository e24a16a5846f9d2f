/**
 * `npx tsx bench/people.bench.ts`: precision / recall / F1 of findEntities (people,
 * organisations) and findMoves on the labeled fixtures — the development sets the rules were
 * written against and the held-out sets written after the rules were frozen — and the
 * throughput of findEntities + findMoves on 3 KB texts (wall clock and CPU time, one core).
 * Writes docs/benchmarks/people.md unless `--no-write`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEntities } from '../src/enrich/entities/find-entities.js';
import { canonicalPersonKey } from '../src/enrich/entities/merge-entities.js';
import { countMatches, organizationKey, scoreOf, type Score } from '../src/enrich/entities/score-entities.js';
import { findMoves } from '../src/enrich/moves/find-moves.js';
import { scoreMoves, type GoldMove } from '../src/enrich/moves/score-moves.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJsonl = <T>(rel: string): T[] =>
  readFileSync(join(root, rel), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);

interface EntityRow {
  text: string;
  people: string[];
  organizations: string[];
}
interface MoveRow {
  text: string;
  date?: string;
  moves: GoldMove[];
}

function scoreEntities(rows: EntityRow[]): { people: Score; orgs: Score } {
  const p = { tp: 0, fp: 0, fn: 0 };
  const o = { tp: 0, fp: 0, fn: 0 };
  for (const r of rows) {
    const es = findEntities({ text: r.text });
    countMatches(es.filter((e) => e.type === 'person').map((e) => e.name), r.people, canonicalPersonKey, p);
    countMatches(es.filter((e) => e.type === 'organization').map((e) => e.name), r.organizations, organizationKey, o);
  }
  return { people: scoreOf(p.tp, p.fp, p.fn), orgs: scoreOf(o.tp, o.fp, o.fn) };
}

const fmt = (s: Score): string => `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
const lines: string[] = [];
const say = (s: string): void => {
  console.log(s);
  lines.push(s);
};

for (const set of ['paragraphs', 'holdout'] as const) {
  const rows = readJsonl<EntityRow>(`test/fixtures/entities/${set}.jsonl`);
  const s = scoreEntities(rows);
  say(`entities/${set} (${rows.length} paragraphs)  people: ${fmt(s.people)}`);
  say(`entities/${set} (${rows.length} paragraphs)  orgs:   ${fmt(s.orgs)}`);
}
for (const set of ['sentences', 'holdout'] as const) {
  const rows = readJsonl<MoveRow>(`test/fixtures/moves/${set}.jsonl`);
  const s = scoreMoves(rows.map((r) => ({ found: findMoves({ text: r.text, publishedDateTime: r.date }), gold: r.moves })));
  say(`moves/${set} (${rows.length} texts, ${rows.reduce((n, r) => n + r.moves.length, 0)} moves)  ${fmt(s)}  status agree ${s.statusAgree}/${s.matched}`);
  if (process.argv.includes('--verbose')) for (const m of s.misses) console.log(`   ${m}`);
}

// Throughput: 3 KB texts assembled from the fixture paragraphs and move sentences.
const pool = [...readJsonl<EntityRow>('test/fixtures/entities/paragraphs.jsonl'), ...readJsonl<MoveRow>('test/fixtures/moves/sentences.jsonl')].map((r) => r.text);
const texts: string[] = [];
for (let i = 0; i < 1000; i++) {
  let t = '';
  for (let j = i; t.length < 3000; j += 7) t += `${pool[j % pool.length]}\n\n`;
  texts.push(t.slice(0, 3000));
}
for (const t of texts.slice(0, 100)) findMoves({ text: findEntities({ text: t }).length >= 0 ? t : '' });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const t of texts) {
  findEntities({ text: t });
  findMoves({ text: t });
}
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
say(`throughput: ${texts.length} texts of 3 KB, findEntities + findMoves: ${(texts.length / wallS).toFixed(0)} texts/s wall, ${(texts.length / cpuS).toFixed(0)} texts/s per CPU-second`);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`;
say(`machine: ${machine}`);

if (!process.argv.includes('--no-write')) {
  mkdirSync(join(root, 'docs', 'benchmarks'), { recursive: true });
  const md = [
    '# People: entities and moves',
    '',
    'Command: `npx tsx bench/people.bench.ts` (add `--verbose` to list every miss).',
    '',
    '`paragraphs` / `sentences` are the development sets the rules were written against; `holdout` sets',
    'were written after the rules were frozen and give the fairer estimate.',
    '',
    '```',
    ...lines,
    '```',
    '',
  ].join('\n');
  writeFileSync(join(root, 'docs', 'benchmarks', 'people.md'), md);
}
