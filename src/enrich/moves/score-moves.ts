import { canonicalPersonKey } from '../entities/merge-entities.js';
import { organizationKey, scoreOf, type Score } from '../entities/score-entities.js';
import type { Move } from './move.js';
import { normalizeTitle } from './normalize-title.js';

/** A labeled move: person and change always; role, organisation, status, date when labeled. */
export interface GoldMove {
  person: string;
  change: Move['change'];
  role?: string;
  organization?: string;
  status?: Move['status'];
  date?: string;
  replaces?: string;
}

/**
 * Whether a found move matches a labeled one: same person (canonicalPersonKey) and change,
 * and — when labeled — the same normalised role and organisation.
 */
export function matchesGold(found: Move, gold: GoldMove): boolean {
  if (canonicalPersonKey(found.person) !== canonicalPersonKey(gold.person) || found.change !== gold.change) return false;
  if (gold.role && (!found.role || normalizeTitle(found.role).toLowerCase() !== normalizeTitle(gold.role).toLowerCase())) return false;
  if (gold.organization && (!found.organization || organizationKey(found.organization) !== organizationKey(gold.organization))) return false;
  return true;
}

/** Scores found moves against labeled ones over many texts; also counts status and date agreement on matches. */
export function scoreMoves(cases: Array<{ found: Move[]; gold: GoldMove[] }>): Score & { statusAgree: number; dateAgree: number; matched: number; misses: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let statusAgree = 0;
  let dateAgree = 0;
  const misses: string[] = [];
  for (const { found, gold } of cases) {
    const left = [...gold];
    for (const f of found) {
      const i = left.findIndex((g) => matchesGold(f, g));
      const g = left[i];
      if (i < 0 || !g) {
        fp++;
        misses.push(`FP ${JSON.stringify({ ...f, evidence: f.evidence.slice(0, 70) })}`);
        continue;
      }
      tp++;
      if (!g.status || g.status === f.status) statusAgree++;
      else misses.push(`STATUS ${f.person}: ${f.status} ≠ ${g.status}`);
      if (!g.date || g.date === f.date) dateAgree++;
      else misses.push(`DATE ${f.person}: ${f.date} ≠ ${g.date}`);
      left.splice(i, 1);
    }
    fn += left.length;
    for (const g of left) misses.push(`FN ${JSON.stringify(g)} | found: ${JSON.stringify(found.map(({ evidence: _e, ...x }) => x))}`);
  }
  return { ...scoreOf(tp, fp, fn), statusAgree, dateAgree, matched: tp, misses };
}
