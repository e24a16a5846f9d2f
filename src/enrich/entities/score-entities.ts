import { ORG_ALIASES } from './gazetteer.js';

/** Precision, recall and F1 with the counts behind them. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** P/R/F1 from counts (1 when there was nothing to find and nothing was found). */
export function scoreOf(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Key for comparing organisation names: the gazetteer's canonical name, lower-cased. */
export function organizationKey(name: string): string {
  const lower = name.trim().toLowerCase();
  return (ORG_ALIASES.get(lower) ?? name).toLowerCase().replace(/^the\s+/, '');
}

/**
 * Compares found names with labeled names as sets (per paragraph) and adds the counts to
 * `acc`. People are compared by canonicalPersonKey, organisations by organizationKey.
 */
export function countMatches(found: string[], gold: string[], key: (s: string) => string, acc: { tp: number; fp: number; fn: number }): void {
  const f = new Set(found.map(key));
  const g = new Set(gold.map(key));
  for (const x of f) if (g.has(x)) acc.tp++;
  else acc.fp++;
  for (const x of g) if (!f.has(x)) acc.fn++;
}
