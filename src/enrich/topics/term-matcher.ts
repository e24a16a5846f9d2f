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
  private readonly first = new Map<string, number[]>();

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
      const firstKey = `${sensitive ? 'S' : 'I'}:${tokens[0]}`;
      const list = this.first.get(firstKey);
      if (list) list.push(id);
      else this.first.set(firstKey, [id]);
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
      this.tryKey(`S:${r}`, tokens, i, offset, hits);
      this.tryKey(`I:${l}`, tokens, i, offset, hits);
      // A plural of a one-token term ("GPUs", "chatbots"): look the singular up too.
      if (l.length > 3 && l.endsWith('s')) {
        this.tryKey(`S:${r.slice(0, -1)}`, tokens, i, offset, hits);
        this.tryKey(`I:${l.slice(0, -1)}`, tokens, i, offset, hits);
        if (l.endsWith('es')) this.tryKey(`I:${l.slice(0, -2)}`, tokens, i, offset, hits);
      }
    }
    return hits;
  }

  private tryKey(key: string, tokens: Tokens, i: number, offset: number, hits: TermHit[]): void {
    const candidates = this.first.get(key);
    if (!candidates) return;
    for (const id of candidates) {
      const term = this.terms[id]!;
      if (matchesAt(term, tokens, i)) hits.push({ term: id, start: i + offset, end: i + offset + term.tokens.length });
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
