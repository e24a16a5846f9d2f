/**
 * TextRank (Mihalcea & Tarau, 2004) over a sentence graph whose edges are TF-IDF cosine
 * similarities, with PageRank's damping 0.85 (Brin & Page, 1998).
 */

// English function words: they carry no topic. Other Latin-script languages rely on IDF, which
// gives words present in most sentences a weight near zero anyway.
const STOPWORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my no nor not now of off on ' +
    'once only or other our ours out over own said same says she should so some such than that the their theirs them ' +
    'then there these they this those through to too under until up very was we were what when where which while who ' +
    'whom why will with would you your its one two new year years also told mr ms per cent percent').split(' '),
);

/** Content words of a sentence: lower case, stop words dropped, a plural `s` and `'s` stripped. */
export function tokenizeSentence(sentence: string): string[] {
  const out: string[] = [];
  for (const raw of sentence.toLowerCase().match(WORD_RE) ?? []) {
    let w = raw.replace(/['’]s?$/u, '');
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    // Naive plural folding ("robots" ~ "robot"), not "business" or "analysis".
    if (w.length > 3 && w.charCodeAt(w.length - 1) === 115 /* s */ && !SUI.has(w.charCodeAt(w.length - 2))) w = w.slice(0, -1);
    out.push(w);
  }
  return out;
}

// -ss, -us, -is words keep their s.
const SUI = new Set([115, 117, 105]);
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;


/** A sparse unit vector: sorted term ids and their weights. */
interface Vector {
  ids: number[];
  weights: number[];
}

/** Options of {@link rankSentences}. */
export interface RankOptions {
  /** Tokens of the headline: sentences similar to it score higher (× (1 + titleBoost · cos)). */
  titleTokens?: string[];
  titleBoost?: number;
  /** Mild lead bias of news writing: sentence i scores × (1 + leadBoost / (1 + i)). */
  leadBoost?: number;
  damping?: number;
  maxIterations?: number;
}

/** TextRank scores, one per sentence (tokens as from {@link tokenizeSentence}). */
export function rankSentences(sentences: string[][], options: RankOptions = {}): number[] {
  const n = sentences.length;
  if (n === 0) return [];
  const { titleBoost = 2, leadBoost = 0.3, damping = 0.85, maxIterations = 60 } = options;
  const vocabulary = new Map<string, number>();
  // Each sentence as its sorted term ids: equal ids are adjacent, so tf is a run length.
  const sortedIds = sentences.map((tokens) => {
    const ids = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) {
      let id = vocabulary.get(tokens[k]!);
      if (id === undefined) vocabulary.set(tokens[k]!, (id = vocabulary.size));
      ids[k] = id;
    }
    return ids.sort();
  });
  const df = new Int32Array(vocabulary.size);
  for (const ids of sortedIds) for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) df[ids[k]!]!++;
  // A plain loop: TypedArray.from with a mapping function is several times slower.
  const idf = new Float64Array(df.length);
  for (let k = 0; k < df.length; k++) idf[k] = Math.log(1 + n / Math.max(1, df[k]!));
  const vectors = sortedIds.map((ids) => toVector(ids, idf));
  const title = options.titleTokens?.length ? titleVector(options.titleTokens, vocabulary, idf) : null;

  // Symmetric similarity matrix, and each row's sum for the transition probabilities.
  const sim = new Float64Array(n * n);
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = dot(vectors[i]!, vectors[j]!);
      if (s > 0) {
        sim[i * n + j] = s;
        sim[j * n + i] = s;
        rowSum[i]! += s;
        rowSum[j]! += s;
      }
    }
  }
  // Row-normalised transition weights, computed once; two buffers swapped per iteration.
  for (let i = 0; i < n; i++) {
    const sum = rowSum[i]!;
    if (sum > 0) for (let j = 0; j < n; j++) sim[i * n + j]! /= sum;
  }
  // Each row's non-zero entries: adding a zero changes no sum, and most pairs share no word.
  const rowCols: number[][] = [];
  const rowVals: number[][] = [];
  for (let i = 0; i < n; i++) {
    const cols: number[] = [];
    const vals: number[] = [];
    for (let j = 0; j < n; j++) {
      const v = sim[i * n + j]!;
      if (v !== 0) {
        cols.push(j);
        vals.push(v);
      }
    }
    rowCols.push(cols);
    rowVals.push(vals);
  }
  let score = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iter = 0; iter < maxIterations; iter++) {
    // A sentence sharing no words with any other spreads its rank evenly (dangling node).
    let dangling = 0;
    for (let i = 0; i < n; i++) if (rowSum[i] === 0) dangling += score[i]!;
    next.fill((1 - damping) / n + (damping * dangling) / n);
    for (let i = 0; i < n; i++) {
      const share = damping * score[i]!;
      if (share === 0 || rowSum[i] === 0) continue;
      const cols = rowCols[i]!;
      const vals = rowVals[i]!;
      for (let k = 0; k < cols.length; k++) next[cols[k]!]! += share * vals[k]!;
    }
    let delta = 0;
    for (let j = 0; j < n; j++) delta += Math.abs(next[j]! - score[j]!);
    [score, next] = [next, score];
    if (delta < 1e-6) break;
  }
  return Array.from(score, (s, i) => s * (1 + (title ? titleBoost * dot(title, vectors[i]!) : 0)) * (1 + leadBoost / (1 + i)));
}

/** Sorted term ids (repeats allowed) → unit TF-IDF vector. */
function toVector(sorted: Int32Array, idf: Float64Array): Vector {
  const ids: number[] = [];
  const weights: number[] = [];
  let squares = 0;
  for (let k = 0; k < sorted.length; ) {
    const id = sorted[k]!;
    let tf = 0;
    while (k < sorted.length && sorted[k] === id) {
      tf++;
      k++;
    }
    const w = tf * idf[id]!;
    ids.push(id);
    weights.push(w);
    squares += w * w;
  }
  const norm = Math.sqrt(squares) || 1;
  // Plain arrays: allocating two typed arrays per sentence cost more than they saved.
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
  return { ids, weights };
}

function titleVector(tokens: string[], vocabulary: Map<string, number>, idf: Float64Array): Vector {
  // Title words absent from the text cannot match any sentence: leave them out; each counts once.
  const ids = [...new Set(tokens.map((t) => vocabulary.get(t)).filter((id): id is number => id !== undefined))];
  return toVector(Int32Array.from(ids).sort(), idf);
}

/** Dot product of two sorted sparse vectors (merge join). */
function dot(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
