import { rootOf } from './classify-topics.js';
import type { Taxonomy } from './compile-taxonomy.js';
import type { TopicResult } from './classify-topics.js';

/** An editor's decision about one article's topics. */
export interface TopicEdit {
  add: string[];
  remove: string[];
}

/**
 * Applies an editor's edit to a topic list: added topics first (most specific first, as lists
 * are ordered), then the ones kept, then the parents the added ones imply (taxonomy parents; a
 * name outside the taxonomy hangs under the umbrella). Removed names go, even when implied.
 */
export function applyTopicEdit(topics: readonly string[], edit: TopicEdit, taxonomy: Taxonomy): string[] {
  const removed = new Set(edit.remove);
  const out: string[] = [];
  const push = (name: string): void => {
    if (!removed.has(name) && !out.includes(name)) out.push(name);
  };
  edit.add.forEach(push);
  topics.forEach(push);
  for (const name of edit.add) for (const parent of parentsOf(name, taxonomy)) push(parent);
  return out;
}

/** The same edit on scored results (`extended.topics`): added ones score 1 with `why: editor`. */
export function applyTopicEditToResults(results: readonly TopicResult[], edit: TopicEdit, taxonomy: Taxonomy): TopicResult[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  return applyTopicEdit(
    results.map((r) => r.name),
    edit,
    taxonomy,
  ).map(
    (name) =>
      byName.get(name) ?? {
        name,
        score: 1,
        why: [edit.add.includes(name) ? `editor: +${name}` : `child: ${edit.add.find((a) => parentsOf(a, taxonomy).includes(name)) ?? name}`],
      },
  );
}

function parentsOf(name: string, taxonomy: Taxonomy): string[] {
  const out: string[] = [];
  let current = taxonomy.byName.get(name);
  if (!current) {
    const root = rootOf(taxonomy);
    return root && root !== name ? [root] : [];
  }
  while (current?.parent !== undefined) {
    out.push(current.parent);
    current = taxonomy.byName.get(current.parent);
  }
  return out;
}

/** A later edit on top of an earlier one for the same article: the later decision wins per topic. */
export function mergeTopicEdits(earlier: TopicEdit | undefined, later: TopicEdit): TopicEdit {
  if (!earlier) return { add: [...later.add], remove: [...later.remove] };
  const add = [...later.add, ...earlier.add.filter((t) => !later.remove.includes(t) && !later.add.includes(t))];
  const remove = [...later.remove, ...earlier.remove.filter((t) => !later.add.includes(t) && !later.remove.includes(t))];
  return { add, remove };
}
