import type { Tokens } from './tokenize.js';
import { tokenize } from './tokenize.js';

/** One distinct term of the taxonomy, tokenised, with its case rule resolved. */
export interface CompiledTerm {
  id: number;
  text: string;
  tokens: string[];
  sensitive: boolean;
}

/** Where a term occurs: token positions [start, end). */
export interface TermHit {
  term: number;
  start: number;
  end: number;
}

/**
 * All taxonomy terms in one token-level index (first token → candidate terms), so an article is
 * scanned once whatever the number of topics: O(tokens × candidates per token).
 */
export class TermMatcher {
  readonly terms: CompiledTerm[] = [];
  private readonly ids = new Map<string, number>();
  // First token → candidate term ids; one map per case rule so lookups need no key building.
  private readonly firstSensitive = new Map<string, number[]>();
  private readonly firstInsensitive = new Map<string, number[]>();

  /** Adds a term (or returns the id of the same term added before). `sensitive` resolved by the caller. */
  addTerm(text: string, sensitive: boolean): number {
    const key = `${sensitive ? 'S' : 'I'}:${text}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const tokens = tokenize(text)[sensitive ? 'raw' : 'lower'];
    const id = this.terms.length;
    this.terms.push({ id, text, tokens, sensitive });
    this.ids.set(key, id);
    if (tokens.length > 0) {
      const index = sensitive ? this.firstSensitive : this.firstInsensitive;
      const list = index.get(tokens[0]!);
      if (list) list.push(id);
      else index.set(tokens[0]!, [id]);
    }
    return id;
  }

  /** Every occurrence of every term in `tokens`, with positions shifted by `offset`. */
  findHits(tokens: Tokens, offset = 0): TermHit[] {
    const hits: TermHit[] = [];
    const { raw, lower } = tokens;
    for (let i = 0; i < raw.length; i++) {
      const r = raw[i]!;
      const l = lower[i]!;
      this.tryList(this.firstSensitive.get(r), tokens, i, offset, hits);
      this.tryList(this.firstInsensitive.get(l), tokens, i, offset, hits);
      // A plural of a one-token term ("GPUs", "chatbots"): look the singular up too.
      if (l.length > 3 && l.charCodeAt(l.length - 1) === 115 /* s */) {
        this.tryList(this.firstSensitive.get(r.slice(0, -1)), tokens, i, offset, hits);
        this.tryList(this.firstInsensitive.get(l.slice(0, -1)), tokens, i, offset, hits);
        if (l.endsWith('es'))
          this.tryList(this.firstInsensitive.get(l.slice(0, -2)), tokens, i, offset, hits);
      }
    }
    return hits;
  }

  private tryList(
    candidates: number[] | undefined,
    tokens: Tokens,
    i: number,
    offset: number,
    hits: TermHit[],
  ): void {
    if (!candidates) return;
    for (const id of candidates) {
      const term = this.terms[id]!;
      if (matchesAt(term, tokens, i))
        hits.push({ term: id, start: i + offset, end: i + offset + term.tokens.length });
    }
  }
}

function matchesAt(term: CompiledTerm, tokens: Tokens, i: number): boolean {
  const source = term.sensitive ? tokens.raw : tokens.lower;
  const n = term.tokens.length;
  if (i + n > source.length) return false;
  for (let k = 0; k < n; k++) {
    const want = term.tokens[k]!;
    const got = source[i + k]!;
    if (got === want) continue;
    // Only the last token may carry a plural ending; the first-token lookup already allowed it.
    if (k === n - 1 && (got === `${want}s` || (!term.sensitive && got === `${want}es`))) continue;
    return false;
  }
  return true;
}

/** 'auto' case rule: a term written without lower-case letters (AI, TPU, A.I., GPT-4) is an acronym. */
export function isAcronym(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}
