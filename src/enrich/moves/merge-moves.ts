import { canonicalPersonKey } from '../entities/merge-entities.js';
import type { Move } from './move.js';

/** A move as reported by one source (an article id, URL or outlet). */
export interface SourcedMove {
  move: Move;
  source: string;
  /** When the source published it (ISO 8601); the move's own date is preferred when set. */
  publishedDateTime?: string;
}

/** One move as reported by any number of sources. */
export interface MergedMove extends Move {
  sources: string[];
  /** The first and last day it was reported (ISO dates), when known. */
  firstReported?: string;
  lastReported?: string;
}

const GROUP: Record<Move['change'], string> = { appointed: 'arrival', joined: 'arrival', promoted: 'arrival', departed: 'departure', replaced: 'departure', reassigned: 'reassigned' };
const RANK = { confirmed: 2, planned: 1, rumoured: 0 } as const;
const DAY = 86_400_000;

function dayOf(m: SourcedMove): number | undefined {
  const iso = m.move.date ?? m.publishedDateTime;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso ?? '');
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1'));
}

const compatible = (a: string | undefined, b: string | undefined): boolean => !a || !b || a.toLowerCase() === b.toLowerCase();

/**
 * Merges moves reported by many sources into one move per event: same person
 * (canonicalPersonKey), same kind of change (arrival: appointed/joined/promoted; departure:
 * departed/replaced; reassigned), compatible role and organisation (equal or one unknown)
 * and dates within `windowDays` (default 45) of the event's first report. The merged move
 * keeps the first report's wording, fills missing fields from later ones, and takes the
 * strongest status (a rumour later confirmed is confirmed). Pure; order of input does not
 * matter beyond tie-breaking.
 */
export function mergeMoves(moves: SourcedMove[], windowDays = 45): MergedMove[] {
  const sorted = [...moves].sort((a, b) => (dayOf(a) ?? 0) - (dayOf(b) ?? 0));
  const merged: Array<{ out: MergedMove; key: string; day: number | undefined }> = [];
  for (const sm of sorted) {
    const key = `${canonicalPersonKey(sm.move.person)}|${GROUP[sm.move.change]}`;
    const day = dayOf(sm);
    const hit = merged.find(
      (x) =>
        x.key === key &&
        compatible(x.out.role, sm.move.role) &&
        compatible(x.out.organization, sm.move.organization) &&
        (x.day === undefined || day === undefined || Math.abs(day - x.day) <= windowDays * DAY),
    );
    const iso = day === undefined ? undefined : new Date(day).toISOString().slice(0, 10);
    if (!hit) {
      merged.push({ key, day, out: { ...sm.move, sources: [sm.source], ...(iso ? { firstReported: iso, lastReported: iso } : {}) } });
      continue;
    }
    const out = hit.out;
    if (!out.sources.includes(sm.source)) out.sources.push(sm.source);
    if (RANK[sm.move.status] > RANK[out.status]) out.status = sm.move.status;
    for (const f of ['role', 'organization', 'replaces', 'replacedBy', 'destination', 'date'] as const) {
      if (out[f] === undefined && sm.move[f] !== undefined) out[f] = sm.move[f];
    }
    if (sm.move.person.length > out.person.length) out.person = sm.move.person;
    if (iso) {
      out.firstReported ??= iso;
      out.lastReported = iso;
    }
  }
  return merged.map((x) => x.out);
}
