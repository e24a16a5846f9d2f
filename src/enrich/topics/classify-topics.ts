import type { Taxonomy } from './compile-taxonomy.js';
import { scoreRules, MAX_TOPIC_CHARS, type TopicInput } from './score-rules.js';
import { tokenize } from './tokenize.js';
import type { TopicModel } from './topic-model.js';
import { findCorrection, predictTopics } from './predict-topics.js';

/** One topic of an article. */
export interface TopicResult {
  name: string;
  /** 0..1 */
  score: number;
  /** The terms and entities that fired ("title: OpenAI", "text: ChatGPT ×2", "entity: Sam Altman"),
   *  "child: X" for an implied parent, "model: 0.82" when the learned model added or raised it,
   *  "editor: +X" for an editor correction. */
  why: string[];
}

/** Topics plus, when the list is empty or partial, why. */
export interface TopicOutcome {
  topics: TopicResult[];
  reason?: string;
}

/**
 * Multi-label topics of an article: the taxonomy's rules (aliases, entities, negatives,
 * requirements; see scoreRules), combined with an optional learned model, then parents implied.
 * Sorted most specific first (deeper topics before their parents), then by score.
 *
 * Combination (docs/topics.md § Rules and model): rules decide taxonomy topics; the model adds a
 * taxonomy topic the rules missed only when its probability ≥ `model.addThreshold` and no negative
 * context vetoed that topic; it raises a rules score to its probability when higher; it adds
 * learned topics (not in the taxonomy) at ≥ `model.learnedThreshold`. An editor correction for
 * this very article (+Topic / −Topic) overrides everything. A parent gets max(own, children).
 */
export function classifyTopics(input: TopicInput, taxonomy: Taxonomy, model?: TopicModel): TopicResult[] {
  return classifyTopicsWithReason(input, taxonomy, model).topics;
}

/** As classifyTopics, with a reason when the result is empty or based on part of the text. */
export function classifyTopicsWithReason(
  input: TopicInput,
  taxonomy: Taxonomy,
  model?: TopicModel,
): TopicOutcome {
  const text = typeof input?.text === 'string' ? input.text : '';
  const title = typeof input?.title === 'string' ? input.title : '';
  const clean: TopicInput = {
    title,
    text,
    entities: Array.isArray(input?.entities) ? input.entities.filter((e) => typeof e === 'string') : [],
  };
  if (!text.trim() && !title.trim()) return { topics: [], reason: 'empty text and no title' };

  const found = new Map<string, TopicResult & { depth: number }>();
  const rules = scoreRules(clean, taxonomy);
  for (const [name, r] of rules) {
    if (r.passed)
      found.set(name, {
        name,
        score: r.score,
        why: [...r.why],
        depth: taxonomy.byName.get(name)?.depth ?? 1,
      });
  }

  if (model) {
    const probs = predictTopics(model, clean);
    for (const [name, p] of probs) {
      const known = taxonomy.byName.get(name);
      const current = found.get(name);
      const why = `model: ${p.toFixed(2)}`;
      if (current) {
        if (p > current.score) [current.score, current.why] = [round(p), [...current.why, why]];
      } else if (known) {
        if (p >= model.addThreshold && !rules.get(name)?.vetoed.length && known.depth > 0) {
          found.set(name, { name, score: round(p), why: [why], depth: known.depth });
        }
      } else if (p >= model.learnedThreshold) {
        found.set(name, { name, score: round(p), why: [why], depth: depthOfLearned(model, name, taxonomy) });
      }
    }
    const correction = findCorrection(model, clean);
    for (const name of correction?.remove ?? []) found.delete(name);
    for (const name of correction?.add ?? []) {
      const depth = taxonomy.byName.get(name)?.depth ?? depthOfLearned(model, name, taxonomy);
      found.set(name, { name, score: 1, why: [`editor: +${name}`], depth });
    }
  }

  impliedParents(found, taxonomy, model);
  const topics = [...found.values()]
    .sort((a, b) => b.depth - a.depth || b.score - a.score || a.name.localeCompare(b.name))
    .map(({ name, score, why }) => ({ name, score, why }));
  return { topics, reason: reasonFor(topics, clean) };
}

/** A child fires ⇒ its parent is present with score ≥ the child's (walks up to the root). */
function impliedParents(
  found: Map<string, TopicResult & { depth: number }>,
  taxonomy: Taxonomy,
  model?: TopicModel,
): void {
  for (const child of [...found.values()].sort((a, b) => b.depth - a.depth)) {
    let name = child.name;
    let parent = parentOf(name, taxonomy, model);
    while (parent !== undefined) {
      const existing = found.get(parent);
      const note = `child: ${name}`;
      if (!existing) {
        const depth = taxonomy.byName.get(parent)?.depth ?? 0;
        found.set(parent, { name: parent, score: child.score, why: [note], depth });
      } else if (existing.score < child.score) {
        existing.score = child.score;
        if (!existing.why.includes(note)) existing.why.push(note);
      } else if (!existing.why.some((w) => w.startsWith('child: ')) && !existing.why.length) {
        existing.why.push(note);
      }
      name = parent;
      parent = parentOf(name, taxonomy, model);
    }
  }
}

function parentOf(name: string, taxonomy: Taxonomy, model?: TopicModel): string | undefined {
  const known = taxonomy.byName.get(name);
  if (known) return known.parent;
  return model?.topics[name]?.parent ?? rootOf(taxonomy);
}

function depthOfLearned(model: TopicModel, name: string, taxonomy: Taxonomy): number {
  const parent = model.topics[name]?.parent ?? rootOf(taxonomy);
  return parent === undefined ? 0 : (taxonomy.byName.get(parent)?.depth ?? 0) + 1;
}

/** The first umbrella of the taxonomy: learned topics hang under it. */
export function rootOf(taxonomy: Taxonomy): string | undefined {
  return taxonomy.topics.find((t) => t.def.kind === 'umbrella')?.name;
}

function reasonFor(topics: TopicResult[], input: TopicInput): string | undefined {
  const parts: string[] = [];
  if (input.text.length > MAX_TOPIC_CHARS)
    parts.push(`text longer than ${MAX_TOPIC_CHARS} characters: topics from its start`);
  if (!topics.length) {
    const tokens = tokenize(`${input.title ?? ''} ${input.text.slice(0, 5000)}`).raw;
    const latin = tokens.filter((t) => /^[\p{Script=Latin}\p{N}]+$/u.test(t)).length;
    if (!input.text.trim()) parts.push('title only: no text to confirm topics');
    else if (tokens.length && latin / tokens.length < 0.5)
      parts.push('text mostly in a non-Latin script; the taxonomy terms are Latin-script');
    else parts.push('no taxonomy term or entity fired');
  }
  return parts.length ? parts.join('; ') : undefined;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
