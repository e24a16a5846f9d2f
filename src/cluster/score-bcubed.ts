/** B-cubed precision, recall and F1 of a clustering against ground truth (Bagga & Baldwin 1998). */
export interface BCubedScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores `predicted` (item → cluster) against `truth` (item → cluster) over the items in `truth`.
 * Per item: precision = |same predicted ∩ same true| / |same predicted|, recall likewise over the
 * true cluster; averaged over items. Linear in the number of items.
 */
export function scoreBCubed(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>): BCubedScore {
  const predSize = new Map<string, number>();
  const trueSize = new Map<string, number>();
  const pairSize = new Map<string, number>();
  const items = [...truth.keys()];
  const predOf = (id: string): string => predicted.get(id) ?? `\u0000${id}`;
  for (const id of items) {
    const p = predOf(id);
    const t = truth.get(id)!;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
    const pair = `${p}\u0001${t}`;
    pairSize.set(pair, (pairSize.get(pair) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const id of items) {
    const p = predOf(id);
    const t = truth.get(id)!;
    const both = pairSize.get(`${p}\u0001${t}`)!;
    precision += both / predSize.get(p)!;
    recall += both / trueSize.get(t)!;
  }
  const n = items.length || 1;
  precision /= n;
  recall /= n;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
