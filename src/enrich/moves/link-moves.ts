import type { Move } from './move.js';
import type { RawMove } from './find-moves.js';
import type { SentenceContext } from './role-context.js';

const ARRIVALS = new Set(['appointed', 'joined', 'promoted']);

function groupOf(change: Move['change']): string {
  if (ARRIVALS.has(change)) return 'arrival';
  if (change === 'replaced' || change === 'departed') return 'departure';
  return change;
}

/**
 * Merges the raw moves of one article: one move per person and kind (arrival, departure,
 * reassignment), the first report giving the change and evidence, later ones filling
 * missing fields; a successor takes the predecessor's role and organisation when the text
 * gives none ("He will be replaced by Andrew Bocking").
 */
export function linkMoves(raw: RawMove[], _ctxs: SentenceContext[]): Move[] {
  const byKey = new Map<string, Move>();
  for (const r of raw) {
    const { moverStart: _s, sentence: _n, ...move } = r;
    const key = `${move.person.toLowerCase()}|${groupOf(move.change)}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { ...move });
      continue;
    }
    if (prev.change === 'replaced' && move.change === 'departed') {
      prev.change = 'departed';
      prev.evidence = move.evidence;
    }
    // Within one article the first report of a move sets its status (the lead states it;
    // later sentences retell it, often in looser tenses).
    for (const f of ['role', 'organization', 'replaces', 'replacedBy', 'destination', 'date'] as const) {
      if (prev[f] === undefined && move[f] !== undefined) prev[f] = move[f];
    }
  }
  const moves = [...byKey.values()];
  for (const m of moves) {
    const other = m.replaces ?? m.replacedBy;
    if (!other) continue;
    const peer = moves.find((x) => x.person === other && (m.replaces ? x.replacedBy === m.person || groupOf(x.change) === 'departure' : ARRIVALS.has(x.change)));
    if (!peer) continue;
    if (m.replaces && !peer.replacedBy) peer.replacedBy = m.person;
    if (m.replacedBy && !peer.replaces) peer.replaces = m.person;
    if (m.replaces) {
      m.role ??= peer.role;
      m.organization ??= peer.organization;
    }
  }
  return moves;
}
