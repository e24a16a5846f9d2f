import { findTitles } from '../moves/find-titles.js';
import { classifySpan, lookupGazetteer, type SpanClass } from './classify-span.js';
import type { Entity, EntityAnalysis, EntityMention, EntityType, Sentence } from './entity.js';
import { MAX_ANALYSED_CHARS } from './entity.js';
import { LEXICON } from './lexicon.js';
import { splitSentences } from './split-sentences.js';
import { findSpans, tokenize } from './tokenize.js';

/** Input of entity recognition: the article body, optionally its headline and language. */
export interface EntityInput {
  title?: string;
  text: string;
  language?: string;
}

interface Candidate extends SpanClass {
  surface: string;
  sentence: number;
  start: number;
  end: number;
}

// The rules and gazetteers are written for English; other languages yield no entities
// rather than noise (ISO 639-1 or 639-3 codes).
function isEnglish(language: string | undefined): boolean {
  return !language || /^(?:en|eng)(?:[-_].*)?$/i.test(language);
}

function candidatesOf(sentence: string, index: number): Candidate[] {
  const tokens = tokenize(sentence);
  const titles = findTitles(sentence);
  const blocked = tokens.map((t) => titles.some((r) => t.start >= r.start && t.end <= r.end));
  const out: Candidate[] = [];
  for (const span of findSpans(tokens, blocked)) {
    let { from } = span;
    const { to } = span;
    const firstTok = tokens[from];
    const opening = from === 0 || (from === 1 && /^["'“‘(]$/.test(tokens[0]?.text ?? ''));
    // A sentence-initial capital says nothing: drop an ordinary first word ("While Meta").
    if (firstTok && opening && LEXICON.common.has(firstTok.lower) && !lookupGazetteer(firstTok.text)) {
      if (to - from === 1 || !LEXICON.firstNames.has(firstTok.lower)) from++;
    }
    const a = tokens[from];
    const b = tokens[to - 1];
    if (!a || !b || from >= to) continue;
    const surface = sentence.slice(a.start, b.end);
    const after = sentence.slice(b.end);
    const before = sentence.slice(0, a.start);
    const cls = classifySpan({
      tokens,
      from,
      to,
      surface,
      after,
      titleBefore: titles.some((r) => /^\s*,?\s*$/.test(sentence.slice(r.end, a.start)) && r.end <= a.start),
      titleAfter: titles.some((r) => r.start >= b.end && /^\s*$/.test(sentence.slice(b.end, r.start))),
      appositiveTitle: titles.some((r) => r.start > b.end && r.start - b.end < 45 && /^\s*,[^.;]*$/.test(sentence.slice(b.end, r.start))),
    });
    if (!cls.name) continue;
    // A lone sentence-initial word that is ordinary vocabulary is not a name.
    if (cls.type === 'unknown' && opening && to - from === 1 && LEXICON.common.has(a.lower)) continue;
    void before;
    out.push({ ...cls, surface, sentence: index, start: a.start, end: b.end });
  }
  return out;
}

function personParts(name: string): string[] {
  return name.toLowerCase().split(/\s+/).filter((w) => !['de', 'van', 'von', 'der', 'da', 'di', 'bin', 'al', 'jr', 'sr'].includes(w));
}

/** Resolves partial person mentions to the fullest name written ("Zuckerberg" → "Mark Zuckerberg"). */
function resolvePeople(cands: Candidate[]): void {
  const full: string[] = [];
  for (const c of cands) if (c.type === 'person' && c.name.includes(' ')) full.push(c.name);
  full.sort((x, y) => y.length - x.length);
  for (const c of cands) {
    if (c.type !== 'person' && c.type !== 'unknown') continue;
    const parts = personParts(c.surface);
    if (parts.length === 0) continue;
    const target = full.find((f) => {
      if (f === c.surface) return false;
      const fp = personParts(f);
      if (parts.length === 1) return fp.length > 1 && (fp[fp.length - 1] === parts[0] || fp[0] === parts[0]);
      return fp[0] === parts[0] && fp[fp.length - 1] === parts[parts.length - 1];
    });
    if (target && (c.type === 'person' || !c.orgHint || parts.length === 1)) {
      c.type = 'person';
      c.name = target;
    } else if (c.type === 'person' && c.surface.includes(' ')) {
      c.name = c.surface;
    }
  }
  // Unknown spans that are a known organisation's alias, or sit in an organisation slot.
  const orgNames = new Set(cands.filter((c) => c.type === 'organization').map((c) => c.name.toLowerCase()));
  for (const c of cands) {
    if (c.type !== 'unknown') continue;
    if (orgNames.has(c.surface.toLowerCase()) || c.orgHint) c.type = 'organization';
  }
}

function countIn(title: string, names: string[]): number {
  let n = 0;
  for (const name of names) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    n += title.match(re)?.length ?? 0;
  }
  return n;
}

/**
 * Entity recognition with positions: sentences, entity mentions after coreference, and the
 * aggregated entities. Bodies longer than MAX_ANALYSED_CHARS are analysed by their head.
 */
export function analyseEntities(input: EntityInput): EntityAnalysis {
  const raw = typeof input.text === 'string' ? input.text : '';
  const truncated = raw.length > MAX_ANALYSED_CHARS;
  const empty: EntityAnalysis = { entities: [], mentions: [], sentences: [], truncated };
  if (!raw.trim() || !isEnglish(input.language)) return empty;
  const sentences: Sentence[] = splitSentences(truncated ? raw.slice(0, MAX_ANALYSED_CHARS) : raw);
  const cands: Candidate[] = [];
  sentences.forEach((s, i) => {
    // Sentences without any lower-case Latin letter are headings or foreign script; lines of
    // a few words are captions and menus: both still yield names via the gazetteer only.
    for (const c of candidatesOf(s.text, i)) cands.push(c);
  });
  resolvePeople(cands);
  const kept = cands.filter((c): c is Candidate & { type: EntityType } => c.type !== 'unknown');
  const mentions: EntityMention[] = kept.map((c) => ({ name: c.name, type: c.type, surface: c.surface, sentence: c.sentence, start: c.start, end: c.end }));
  const byKey = new Map<string, { e: Entity; first: number; surfaces: Set<string> }>();
  for (const m of mentions) {
    const key = `${m.type}:${m.name.toLowerCase()}`;
    let slot = byKey.get(key);
    if (!slot) {
      slot = { e: { name: m.name, type: m.type, mentions: [], count: 0, salience: 0 }, first: m.sentence, surfaces: new Set() };
      byKey.set(key, slot);
    }
    slot.e.count++;
    if (m.surface !== m.name) slot.surfaces.add(m.surface);
  }
  const title = input.title?.trim() ?? '';
  let max = 0;
  const scored = [...byKey.values()].map((slot) => {
    const inTitle = title ? countIn(title, [slot.e.name, ...slot.surfaces]) : 0;
    const score = slot.e.count + (inTitle > 0 ? 3 : 0) + (slot.first === 0 ? 1 : 0);
    max = Math.max(max, score);
    slot.e.mentions = [...slot.surfaces];
    return { e: slot.e, score };
  });
  const entities = scored
    .map(({ e, score }) => ({ ...e, salience: Math.round((score / max) * 100) / 100 }))
    .sort((x, y) => y.salience - x.salience || y.count - x.count || x.name.localeCompare(y.name));
  return { entities, mentions, sentences, truncated };
}

/**
 * Finds the people, organisations, products and places an article names. Names are merged
 * within the article ("Zuckerberg" → "Mark Zuckerberg"; "Facebook" → "Meta") and `name` is
 * the fullest form written. Never throws: empty, huge, non-English or title-only input
 * gives `[]` (or the entities of the first MAX_ANALYSED_CHARS characters).
 */
export function findEntities(input: EntityInput): Entity[] {
  return analyseEntities(input).entities;
}
