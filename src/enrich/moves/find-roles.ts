import { canonicalPersonKey } from '../entities/merge-entities.js';
import { KNOWN_ROLES } from '../entities/gazetteer.js';
import { analysisOf, findMoves, sentenceContexts, type MoveInput } from './find-moves.js';
import type { Move, Role } from './move.js';
import { normalizeTitle } from './normalize-title.js';
import { isFormerTitle, orgOfTitle, titleAfter, titleBefore } from './role-context.js';

/**
 * People named with a current role but no move in the article ("CEO Mark Zuckerberg",
 * "Jane Doe, Acme's CFO"). A person named without any title who is in the well-known roles
 * gazetteer (KNOWN_ROLES) gets that role with `source: 'gazetteer'`. Former titles
 * ("former CEO") are not current roles and are skipped. Never throws. `moves` are the article's
 * moves when the caller already has them (findMoves on the same input): people who moved have
 * no "current role" here, and detecting the moves again would double the cost.
 */
export function findRoles(input: MoveInput, moves?: readonly Move[]): Role[] {
  const analysis = analysisOf(input);
  const moved = new Set((moves ?? findMoves(input)).map((m) => canonicalPersonKey(m.person)));
  const ctxs = sentenceContexts(analysis);
  const roles = new Map<string, Role>();
  for (const ctx of ctxs) {
    for (const p of ctx.people) {
      const key = canonicalPersonKey(p.name);
      if (moved.has(key) || roles.has(key)) continue;
      const title = titleBefore(ctx, p) ?? titleAfter(ctx, p);
      if (!title || isFormerTitle(ctx, title)) continue;
      const organization = orgOfTitle(ctx, title);
      roles.set(key, { person: p.name, role: normalizeTitle(title.raw), ...(organization ? { organization } : {}), source: 'text' });
    }
  }
  for (const e of analysis.entities) {
    if (e.type !== 'person') continue;
    const key = canonicalPersonKey(e.name);
    const known = KNOWN_ROLES.get(key);
    if (!known || moved.has(key) || roles.has(key)) continue;
    roles.set(key, { person: e.name, role: normalizeTitle(known.role), organization: known.organization, source: 'gazetteer' });
  }
  return [...roles.values()];
}
