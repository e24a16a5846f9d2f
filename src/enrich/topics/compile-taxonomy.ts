import { HeatwireError } from '../../core/errors.js';
import type { Requires, Scoring, TaxonomyFile, TermInput, TopicDef } from './taxonomy-schema.js';
import { isAcronym, TermMatcher } from './term-matcher.js';

/** A requirement compiled to term ids. */
export interface CompiledRequires {
  termIds: number[];
  /** 0 = anywhere in the article. */
  window: number;
}

/** One alias or entity of a topic, compiled. */
export interface CompiledAlias {
  termId: number;
  label: string;
  isEntity: boolean;
  requires?: CompiledRequires;
}

/** One negative context, compiled. */
export interface CompiledNegative {
  termIds: number[];
  window: number;
  /** Term ids this veto applies to; null = all aliases and entities of the topic. */
  appliesTo: Set<number> | null;
  /** Term ids whose presence anywhere lifts the veto. */
  unless: number[];
}

/** A topic ready for matching. */
export interface CompiledTopic {
  def: TopicDef;
  name: string;
  parent: string | undefined;
  /** 0 for a root (the umbrella), 1 for its children… */
  depth: number;
  aliases: CompiledAlias[];
  negatives: CompiledNegative[];
  requires?: CompiledRequires;
  /** Lower-cased entity names, for `input.entities`. */
  entityNames: Map<string, string>;
}

/** A loaded, validated and compiled taxonomy: what `classifyTopics` takes. */
export interface Taxonomy {
  origin: string;
  scoring: Scoring;
  topics: CompiledTopic[];
  byName: Map<string, CompiledTopic>;
  matcher: TermMatcher;
}

/**
 * Compiles a validated taxonomy file: resolves parents (no cycles, no unknown parents), interns
 * every alias, entity, negative and context term into one TermMatcher. Throws RECORD_INVALID
 * naming the file and the topic when the file is valid YAML/zod but inconsistent.
 */
export function compileTaxonomy(file: TaxonomyFile, origin: string): Taxonomy {
  const fail = (detail: string): never => {
    throw new HeatwireError('RECORD_INVALID', `taxonomy ${detail}`, { input: origin });
  };
  const matcher = new TermMatcher();
  const intern = (t: TermInput): number => {
    const text = typeof t === 'string' ? t : t.term;
    const rule = typeof t === 'string' ? 'auto' : t.case;
    return matcher.addTerm(text, rule === 'sensitive' || (rule === 'auto' && isAcronym(text)));
  };
  const contexts = new Map<string, number[]>();
  for (const [name, terms] of Object.entries(file.contexts)) contexts.set(name, terms.map(intern));
  const compileRequires = (r: Requires | undefined, where: string): CompiledRequires | undefined => {
    if (!r) return undefined;
    const ids: number[] = [];
    if (r.context !== undefined) {
      const set = contexts.get(r.context);
      if (!set) fail(`${where}: requires.context '${r.context}' is not defined under contexts`);
      ids.push(...(set ?? []));
    }
    ids.push(...(r.terms ?? []).map(intern));
    if (!ids.length) fail(`${where}: requires names no context and no terms`);
    return { termIds: ids, window: r.window };
  };

  const seenNames = new Set<string>();
  const seenSlugs = new Set<string>();
  for (const def of file.topics) {
    if (seenNames.has(def.name)) fail(`topic '${def.name}': the name is used twice`);
    if (seenSlugs.has(def.slug)) fail(`topic '${def.name}': slug '${def.slug}' is used twice`);
    seenNames.add(def.name);
    seenSlugs.add(def.slug);
  }
  const defs = new Map(file.topics.map((d) => [d.name, d]));
  const depthOf = (def: TopicDef): number => {
    let depth = 0;
    let cur = def;
    while (cur.parent !== undefined) {
      const next = defs.get(cur.parent);
      if (!next) fail(`topic '${cur.name}': parent '${cur.parent}' is not a topic of this taxonomy`);
      if (++depth > defs.size) fail(`topic '${def.name}': its parents form a cycle`);
      cur = next!;
    }
    return depth;
  };

  const topics = file.topics.map((def): CompiledTopic => {
    const where = `topic '${def.name}'`;
    if (def.kind === 'umbrella' && def.parent !== undefined) fail(`${where}: an umbrella has no parent`);
    if (def.kind !== 'umbrella' && def.parent === undefined)
      fail(`${where}: a ${def.kind} needs a parent (e.g. the umbrella AI)`);
    const labelOf = (t: TermInput): string => (typeof t === 'string' ? t : t.term);
    const aliases: CompiledAlias[] = [
      ...def.aliases.map((t) => ({ t, isEntity: false })),
      ...def.entities.map((t) => ({ t, isEntity: true })),
    ].map(({ t, isEntity }) => ({
      termId: intern(t),
      label: labelOf(t),
      isEntity,
      requires: typeof t === 'string' ? undefined : compileRequires(t.requires, `${where} alias '${t.term}'`),
    }));
    // Longest first: a longer alias claims its tokens before a shorter one inside it.
    aliases.sort((a, b) => matcher.terms[b.termId]!.tokens.length - matcher.terms[a.termId]!.tokens.length);
    const byLabel = new Map(aliases.map((a) => [a.label, a.termId]));
    const negatives = def.negative.map((n): CompiledNegative => {
      let appliesTo: Set<number> | null = null;
      if (n.aliases) {
        appliesTo = new Set();
        for (const label of n.aliases) {
          const id = byLabel.get(label);
          if (id === undefined)
            fail(`${where}: negative names alias '${label}', which the topic does not have`);
          appliesTo.add(id!);
        }
      }
      return {
        termIds: n.terms.map(intern),
        window: n.window,
        appliesTo,
        unless: (n.unless ?? []).map(intern),
      };
    });
    const entityNames = new Map(def.entities.map((t) => [labelOf(t).toLowerCase(), labelOf(t)]));
    return {
      def,
      name: def.name,
      parent: def.parent,
      depth: depthOf(def),
      aliases,
      negatives,
      requires: compileRequires(def.requires, where),
      entityNames,
    };
  });
  return { origin, scoring: file.scoring, topics, byName: new Map(topics.map((t) => [t.name, t])), matcher };
}
