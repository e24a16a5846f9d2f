import type { CompiledRequires, CompiledTopic, Taxonomy } from './compile-taxonomy.js';
import type { Scoring } from './taxonomy-schema.js';
import type { CompiledTerm, TermHit } from './term-matcher.js';
import { tokenize } from './tokenize.js';

/** What the rules found for one topic (its own terms only; parents are implied later). */
export interface RuleScore {
  score: number;
  why: string[];
  /** Alias hits that a negative context vetoed (kept for explanations and for the model combiner). */
  vetoed: string[];
  /** score ≥ the topic's threshold. */
  passed: boolean;
}

/** The article as the topic stage sees it. */
export interface TopicInput {
  title?: string;
  text: string;
  /** Names from the entities enricher (people, organisations, products). */
  entities?: string[];
}

/** Texts longer than this are scored on their first part: topics are decided early in an article. */
export const MAX_TOPIC_CHARS = 100_000;
// Title and text live in separate position ranges so that no window spans both.
const TEXT_OFFSET = 1_000_000;

/**
 * Scores every topic from its own aliases and entities: each surviving hit adds a weight by where
 * it fired (title > lead > body; an entity from the entities enricher adds `entity`), a hit is
 * dropped when a negative context is within its window or a requirement is not met, and
 * score = 1 − exp(−Σweights / scale). Every topic with a hit or a veto is returned; `passed` says
 * whether it reached its threshold.
 */
export function scoreRules(input: TopicInput, taxonomy: Taxonomy): Map<string, RuleScore> {
  const { scoring, matcher } = taxonomy;
  const title = tokenize(input.title ?? '');
  const text = tokenize(
    input.text.length > MAX_TOPIC_CHARS ? input.text.slice(0, MAX_TOPIC_CHARS) : input.text,
  );
  const hits = [...matcher.findHits(title, 0), ...matcher.findHits(text, TEXT_OFFSET)];
  const byTerm = new Map<number, TermHit[]>();
  for (const h of hits) {
    const list = byTerm.get(h.term);
    if (list) list.push(h);
    else byTerm.set(h.term, [h]);
  }
  const context = withoutVetoed(taxonomy, byTerm);
  const inputEntities = new Set((input.entities ?? []).map((e) => e.trim().toLowerCase()));
  const result = new Map<string, RuleScore>();
  for (const topic of taxonomy.topics) {
    const found = scoreTopic(topic, byTerm, context, inputEntities, matcher.terms, scoring);
    if (found)
      result.set(topic.name, { ...found, passed: found.score >= (topic.def.threshold ?? scoring.threshold) });
  }
  return result;
}

function scoreTopic(
  topic: CompiledTopic,
  byTerm: Map<number, TermHit[]>,
  context: Map<number, TermHit[]>,
  inputEntities: Set<string>,
  terms: readonly CompiledTerm[],
  weights: Scoring,
): Omit<RuleScore, 'passed'> | undefined {
  let weight = 0;
  const counts = new Map<string, number>();
  const vetoed: string[] = [];
  const taken: TermHit[] = [];
  // Aliases come longest first (compileTaxonomy), so "Meta AI" claims its tokens before "Meta" does.
  for (const alias of topic.aliases) {
    for (const hit of byTerm.get(alias.termId) ?? []) {
      if (taken.some((t) => t.start <= hit.start && hit.end <= t.end)) continue;
      const veto = findVeto(topic, alias.termId, hit, byTerm, terms);
      if (veto) {
        vetoed.push(`${alias.label} (near "${veto}")`);
        continue;
      }
      if (!meets(topic.requires, hit, context) || !meets(alias.requires, hit, context)) continue;
      taken.push(hit);
      const zone =
        hit.start < TEXT_OFFSET ? 'title' : hit.start - TEXT_OFFSET < weights.leadTokens ? 'lead' : 'body';
      weight += weights[zone];
      const key = `${zone === 'title' ? 'title' : 'text'}: ${alias.label}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const [lower, label] of topic.entityNames) {
    if (!inputEntities.has(lower) || counts.has(`title: ${label}`) || counts.has(`text: ${label}`)) continue;
    // An entity from the enricher has no position: its topic's requirement must hold anywhere.
    if (topic.requires && !topic.requires.termIds.some((id) => context.has(id))) continue;
    weight += weights.entity;
    counts.set(`entity: ${label}`, 1);
  }
  if (weight === 0) return vetoed.length ? { score: 0, why: [], vetoed } : undefined;
  const why = [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
  return { score: round(1 - Math.exp(-weight / weights.scale)), why, vetoed };
}

/**
 * A vetoed alias is no evidence of anything: "Gemini" next to "horoscope" must not serve as the AI
 * context of another topic either. Returns the hits with every vetoed alias hit removed, for
 * checking requirements.
 */
function withoutVetoed(taxonomy: Taxonomy, byTerm: Map<number, TermHit[]>): Map<number, TermHit[]> {
  const vetoed = new Set<TermHit>();
  for (const topic of taxonomy.topics) {
    if (!topic.negatives.length) continue;
    for (const alias of topic.aliases) {
      for (const hit of byTerm.get(alias.termId) ?? []) {
        if (findVeto(topic, alias.termId, hit, byTerm, taxonomy.matcher.terms)) vetoed.add(hit);
      }
    }
  }
  if (!vetoed.size) return byTerm;
  const kept = new Map<number, TermHit[]>();
  for (const [id, hits] of byTerm) {
    const rest = hits.filter((h) => !vetoed.has(h));
    if (rest.length) kept.set(id, rest);
  }
  return kept;
}

/** The negative term that vetoes `hit`, if any. */
function findVeto(
  topic: CompiledTopic,
  termId: number,
  hit: TermHit,
  byTerm: Map<number, TermHit[]>,
  terms: readonly CompiledTerm[],
): string | undefined {
  for (const neg of topic.negatives) {
    if (neg.appliesTo && !neg.appliesTo.has(termId)) continue;
    if (neg.unless.some((id) => byTerm.has(id))) continue;
    for (const id of neg.termIds) {
      for (const other of byTerm.get(id) ?? []) {
        if (distance(hit, other) <= neg.window) return terms[id]?.text ?? '?';
      }
    }
  }
  return undefined;
}

/** A requirement holds when one of its terms is in the title, or within the window (0 = anywhere). */
function meets(req: CompiledRequires | undefined, hit: TermHit, byTerm: Map<number, TermHit[]>): boolean {
  if (!req) return true;
  for (const id of req.termIds) {
    for (const other of byTerm.get(id) ?? []) {
      if (req.window === 0 || other.start < TEXT_OFFSET || distance(hit, other) <= req.window) return true;
    }
  }
  return false;
}

/** Tokens between two spans; 0 when they touch or overlap. */
function distance(a: TermHit, b: TermHit): number {
  return Math.max(0, b.start - a.end, a.start - b.end);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
