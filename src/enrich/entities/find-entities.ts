import { findTitles, type TitleSpan } from '../moves/find-titles.js';
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

const CONNECTOR_WORDS = new Set(['of', 'and', '&', 'de', 'van', 'von', 'der', 'la', 'le', 'da', 'di', 'du']);

function candidatesOf(sentence: string, index: number, titles: TitleSpan[]): Candidate[] {
  const tokens = tokenize(sentence);
  const blocked = titles.length === 0 ? tokens.map(() => false) : tokens.map((t) => titles.some((r) => t.start >= r.start && t.end <= r.end));
  const out: Candidate[] = [];
  const classify = (from: number, to: number): void => {
    const a = tokens[from];
    const b = tokens[to - 1];
    if (!a || !b || from >= to) return;
    const surface = sentence.slice(a.start, b.end);
    const after = sentence.slice(b.end);
    const before = sentence.slice(0, a.start);
    const hasTitles = titles.length > 0;
    const cls = classifySpan({
      tokens,
      from,
      to,
      surface,
      after,
      before,
      titleBefore: hasTitles && titles.some((r) => r.end <= a.start && /^\s*,?\s*$/.test(sentence.slice(r.end, a.start))),
      titleAfter: hasTitles && titles.some((r) => r.start >= b.end && /^\s*$/.test(sentence.slice(b.end, r.start))),
      appositiveTitle:
        hasTitles &&
        titles.some(
          (r) =>
            r.start > b.end &&
            r.start - b.end < 45 &&
            (/^\s*,[^.;]*$/.test(sentence.slice(b.end, r.start)) || /^\s+as\s+(?:(?:its|the|a|an|new|next|interim|acting|their|his|her)\s+)*$/i.test(sentence.slice(b.end, r.start))),
        ),
      afterTitleOf: hasTitles && titles.some((r) => r.end <= a.start && /^\s*(?:of|at)\s+(?:the\s+)?$/i.test(sentence.slice(r.end, a.start))),
    });
    if (!cls.name) return;
    const opening = from === 0 || (from === 1 && /^["'“‘(]$/.test(tokens[0]?.text ?? ''));
    // A lone sentence-initial word that is ordinary vocabulary is not a name.
    if (cls.type === 'unknown' && !cls.orgHint && opening && to - from === 1 && LEXICON.common.has(a.lower)) return;
    // Explicit fields, not a spread: object spread was the hottest line of the analysis.
    out.push({ type: cls.type, name: cls.name, orgHint: cls.orgHint === true, surface, sentence: index, start: a.start, end: b.end });
  };
  for (const span of findSpans(tokens, blocked)) {
    let { from } = span;
    const { to } = span;
    const firstTok = tokens[from];
    const opening = from === 0 || (from === 1 && /^["'“‘(]$/.test(tokens[0]?.text ?? ''));
    const whole = firstTok ? sentence.slice(firstTok.start, tokens[to - 1]?.end ?? firstTok.end) : '';
    // A sentence-initial capital says nothing: drop an opening function word, verb or adjective
    // ("While Meta", "Former Microsoft …") or a noun for a person ("Researcher Jane Doe").
    if (firstTok && opening && to - from > 1 && !lookupGazetteer(whole) && !LEXICON.firstNames.has(firstTok.lower)) {
      if (LEXICON.openers.has(firstTok.lower) || LEXICON.actors.has(firstTok.lower)) from++;
      while (from < to && CONNECTOR_WORDS.has(tokens[from]?.lower ?? '')) from++;
    }
    // "Shares of Tesla": a span joined by "of"/"and" that is not a name as a whole is read as parts.
    const ofAt = tokens.slice(from, to).findIndex((t) => t.lower === 'of' || t.lower === 'and');
    const n = out.length;
    classify(from, to);
    const last = out[out.length - 1];
    if (ofAt > 0 && (out.length === n || last?.type === 'unknown' || last?.type === 'place')) {
      out.length = n;
      classify(from, from + ofAt);
      classify(from + ofAt + 1, to);
    }
  }
  return out;
}

function personParts(name: string): string[] {
  return name.toLowerCase().split(/\s+/).filter((w) => !['de', 'van', 'von', 'der', 'da', 'di', 'bin', 'al', 'jr', 'sr'].includes(w));
}

/** Resolves partial person mentions to the fullest name written ("Zuckerberg" → "Mark Zuckerberg"). */
function resolvePeople(cands: Candidate[]): void {
  const names = new Set<string>();
  for (const c of cands) if (c.type === 'person' && c.name.includes(' ')) names.add(c.name);
  // Lookups by one word (first or last name) and by first+last; longest names win.
  const byWord = new Map<string, string>();
  const byEnds = new Map<string, string[]>();
  for (const name of [...names].sort((x, y) => y.length - x.length)) {
    const fp = personParts(name);
    const first = fp[0];
    const last = fp[fp.length - 1];
    if (!first || !last || fp.length < 2) continue;
    if (!byWord.has(last)) byWord.set(last, name);
    if (!byWord.has(first)) byWord.set(first, name);
    const k = `${first} ${last}`;
    byEnds.set(k, [...(byEnds.get(k) ?? []), name]);
  }
  for (const c of cands) {
    if (c.type !== 'person' && c.type !== 'unknown') continue;
    const parts = personParts(c.surface);
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last) continue;
    const target = parts.length === 1 ? byWord.get(first) : byEnds.get(`${first} ${last}`)?.find((n) => n !== c.surface);
    if (target && target !== c.surface && (c.type === 'person' || !c.orgHint || parts.length === 1)) {
      c.type = 'person';
      c.name = target;
    } else if (c.type === 'person' && c.surface.includes(' ')) {
      c.name = c.surface;
    }
  }
  // Unknown spans that are a known organisation's alias, or sit in an organisation slot; a
  // one-word organisation that opens a longer one written elsewhere ("Hopewell" → "Hopewell
  // Robotics") is that organisation.
  const orgNames = new Set<string>();
  const byFirstWord = new Map<string, string>();
  for (const c of cands) {
    if (c.type !== 'organization') continue;
    const lower = c.name.toLowerCase();
    orgNames.add(lower);
    const sp = lower.indexOf(' ');
    if (sp > 0 && !byFirstWord.has(lower.slice(0, sp))) byFirstWord.set(lower.slice(0, sp), c.name);
  }
  for (const c of cands) {
    if (c.type !== 'unknown' && c.type !== 'organization') continue;
    const lower = c.surface.toLowerCase();
    if (!lower.includes(' ') && byFirstWord.has(lower) && !lookupGazetteer(c.surface)) {
      c.type = 'organization';
      c.name = byFirstWord.get(lower) ?? c.name;
      continue;
    }
    if (c.type === 'unknown' && (orgNames.has(lower) || c.orgHint)) c.type = 'organization';
  }
}

function countIn(title: string, names: string[]): number {
  let n = 0;
  for (const name of names) {
    // Most names are not in the title: a plain substring test spares compiling a RegExp each.
    if (!title.includes(name)) continue;
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
  // findEntities and findMoves on the same article share one analysis (a one-entry memo:
  // the result depends only on the input, so this stays pure).
  const key = `${input.title ?? ''}\u0000${input.language ?? ''}`;
  if (memo && memo.text === input.text && memo.key === key) return memo.value;
  const value = analyse(input);
  memo = { key, text: input.text, value };
  return value;
}

let memo: { key: string; text: string; value: EntityAnalysis } | undefined;

function analyse(input: EntityInput): EntityAnalysis {
  const raw = typeof input.text === 'string' ? input.text : '';
  const truncated = raw.length > MAX_ANALYSED_CHARS;
  const empty: EntityAnalysis = { entities: [], mentions: [], sentences: [], truncated };
  if (!raw.trim() || !isEnglish(input.language)) return empty;
  const sentences: Sentence[] = splitSentences(truncated ? raw.slice(0, MAX_ANALYSED_CHARS) : raw);
  const cands: Candidate[] = [];
  const titles = sentences.map((s) => findTitles(s.text));
  sentences.forEach((s, i) => {
    // Sentences without any lower-case Latin letter are headings or foreign script; lines of
    // a few words are captions and menus: both still yield names via the gazetteer only.
    for (const c of candidatesOf(s.text, i, titles[i]!)) cands.push(c);
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
    .map(({ e, score }): Entity => ({ name: e.name, type: e.type, mentions: e.mentions, count: e.count, salience: Math.round((score / max) * 100) / 100 }))
    .sort((x, y) => y.salience - x.salience || y.count - x.count || x.name.localeCompare(y.name));
  const analysis: EntityAnalysis = { entities, mentions, sentences, truncated };
  sentenceTitles.set(analysis, titles);
  return analysis;
}

// The job titles of each sentence of an analysis, found once for names and reused by moves and roles.
const sentenceTitles = new WeakMap<EntityAnalysis, TitleSpan[][]>();

/** The job titles found in sentence `index` of `analysis` (computed when the analysis did not keep them). */
export function titlesOfSentence(analysis: EntityAnalysis, index: number): TitleSpan[] {
  return sentenceTitles.get(analysis)?.[index] ?? findTitles(analysis.sentences[index]?.text ?? '');
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
