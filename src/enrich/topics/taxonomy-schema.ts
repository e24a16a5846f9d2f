import { z } from 'zod';

/**
 * The taxonomy file format (YAML; `taxonomy/ai.yaml` is the default). Validated with zod at load
 * time; see docs/topics.md for the meaning of every field and the matching rules.
 */

/** When a term is matched case-sensitively: 'auto' = only when written as an acronym (AI, TPU, GPT). */
export const CaseRuleSchema = z.enum(['auto', 'sensitive', 'insensitive']);
export type CaseRule = z.infer<typeof CaseRuleSchema>;

/** A requirement: some context term (a named context set and/or listed terms) within `window` tokens. */
export const RequiresSchema = z.strictObject({
  context: z.string().min(1).optional(),
  terms: z.array(z.string().min(1)).optional(),
  /** Tokens either side of the hit; 0 = anywhere in the article. The title always counts. */
  window: z.number().int().min(0).default(40),
});
export type Requires = z.infer<typeof RequiresSchema>;

/** A term with options; a plain string is `{term, case: 'auto'}`. */
export const TermSchema = z.union([
  z.string().min(1),
  z.strictObject({
    term: z.string().min(1),
    case: CaseRuleSchema.default('auto'),
    /** Extra requirement for this alias only (e.g. "Claude" needs Anthropic or chatbot context). */
    requires: RequiresSchema.optional(),
  }),
]);
export type TermInput = z.infer<typeof TermSchema>;

/** Phrases that veto an alias hit when they occur within `window` tokens of it (0 = touching/overlapping). */
export const NegativeSchema = z.strictObject({
  terms: z.array(TermSchema).min(1),
  window: z.number().int().min(0).default(0),
  /** Only veto hits of these aliases/entities (as written in the topic); default: all of them. */
  aliases: z.array(z.string().min(1)).optional(),
  /** The veto is lifted when one of these terms occurs anywhere in the article (e.g. an Amnesty
   *  report about "artificial intelligence" surveillance still is about AI). */
  unless: z.array(TermSchema).optional(),
});
export type Negative = z.infer<typeof NegativeSchema>;

export const TopicKindSchema = z.enum(['company', 'theme', 'umbrella']);

/** One topic of the taxonomy. */
export const TopicDefSchema = z.strictObject({
  name: z.string().trim().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase words joined by -'),
  parent: z.string().min(1).optional(),
  kind: TopicKindSchema,
  aliases: z.array(TermSchema).default([]),
  /** Names (people, products, labs) that imply the topic; also matched against `input.entities`. */
  entities: z.array(TermSchema).default([]),
  negative: z.array(NegativeSchema).default([]),
  requires: RequiresSchema.optional(),
  /** Overrides `scoring.threshold` for this topic (broad themes may need more evidence). */
  threshold: z.number().min(0).max(1).optional(),
  description: z.string().optional(),
});
export type TopicDef = z.infer<typeof TopicDefSchema>;

/** Weights of the rules score (docs/topics.md § Scoring). */
export const ScoringSchema = z.strictObject({
  title: z.number().min(0).default(3),
  lead: z.number().min(0).default(1.5),
  body: z.number().min(0).default(1),
  entity: z.number().min(0).default(1.5),
  /** Tokens of the text counted as the lead. */
  leadTokens: z.number().int().min(0).default(60),
  /** score = 1 − exp(−weight / scale). */
  scale: z.number().positive().default(2.5),
  /** Topics scoring below this are not reported. */
  threshold: z.number().min(0).max(1).default(0.4),
});
export type Scoring = z.infer<typeof ScoringSchema>;

export const TaxonomyFileSchema = z.strictObject({
  version: z.literal(1),
  scoring: ScoringSchema.default(ScoringSchema.parse({})),
  /** Named sets of context terms for `requires.context`. */
  contexts: z.record(z.string(), z.array(TermSchema)).default({}),
  topics: z.array(TopicDefSchema).min(1),
});
export type TaxonomyFile = z.infer<typeof TaxonomyFileSchema>;
