/** The kinds of named entity Heatwire tracks. */
export type EntityType = 'person' | 'organization' | 'product' | 'place';

/**
 * A named entity found in one article (or merged across articles).
 * `name` is the fullest form written in the text (or the gazetteer's canonical name for
 * known organisations); `mentions` holds the other surface forms seen.
 */
export interface Entity {
  name: string;
  type: EntityType;
  mentions: string[];
  count: number;
  /** 0..1: how central the entity is to the article (frequency, title, first position). */
  salience: number;
}

/** One occurrence of an entity in the analysed text, kept for the moves stage. */
export interface EntityMention {
  /** The entity's `name` after coreference (e.g. "Mark Zuckerberg" for "Zuckerberg"). */
  name: string;
  type: EntityType;
  surface: string;
  sentence: number;
  /** Character offsets inside the sentence text. */
  start: number;
  end: number;
}

/** A sentence of the analysed text with its offset in the body. */
export interface Sentence {
  text: string;
  offset: number;
}

/** What entity analysis yields: the entities plus positions for downstream stages. */
export interface EntityAnalysis {
  entities: Entity[];
  mentions: EntityMention[];
  sentences: Sentence[];
  /** True when the text was longer than the analysis cap and only its head was read. */
  truncated: boolean;
}

/**
 * Heatwire reads at most this many characters of an article body. News articles are well
 * under it; a 2 MB paste is analysed by its head so enrichment time stays bounded.
 */
export const MAX_ANALYSED_CHARS = 60_000;
