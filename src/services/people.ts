import { canonicalPersonKey } from '../enrich/entities/merge-entities.js';
import { mergeMoves, type MergedMove, type SourcedMove } from '../enrich/moves/merge-moves.js';
import type { Move, Role } from '../enrich/moves/move.js';
import type { KeyRing } from '../secure/index.js';
import type { Store } from '../store/store.js';
import { presentRecord } from './present-record.js';

/** A person as `heatwire people` shows them (DESIGN.md §6). */
export interface PersonView {
  name: string;
  organization: string | null;
  roles: Array<{ title: string; organization: string | null; from: string | null; to: string | null }>;
  moves: MergedMove[];
  /** Articles that mention the person with a role or a move. */
  sources: string[];
}

/** One article's people facts, as stored by enrichment. */
export interface ArticlePeopleFacts {
  source: string;
  date: string | null;
  moves: Move[];
  roles: Role[];
}

const ARRIVALS = new Set(['appointed', 'joined', 'promoted']);

/**
 * Builds people's timelines across articles: one move reported by ten outlets is one move with
 * ten sources (mergeMoves), roles get `from` when someone arrived and `to` when they left, and
 * the organisation is the latest one seen. Pure: facts in, people out, sorted by name.
 */
export function buildPeople(facts: ArticlePeopleFacts[], org?: string): PersonView[] {
  const sourced: SourcedMove[] = [];
  const roleFacts = new Map<string, Array<Role & { date: string | null; article: string }>>();
  const names = new Map<string, string>();
  const remember = (name: string) => {
    const key = canonicalPersonKey(name);
    if ((names.get(key)?.length ?? 0) < name.length) names.set(key, name);
    return key;
  };
  for (const f of facts) {
    for (const move of f.moves) {
      remember(move.person);
      sourced.push({ move, source: f.source, ...(f.date ? { publishedDateTime: f.date } : {}) });
    }
    for (const role of f.roles) {
      const key = remember(role.person);
      const list = roleFacts.get(key) ?? [];
      list.push({ ...role, date: f.date, article: f.source });
      roleFacts.set(key, list);
    }
  }
  const people = new Map<string, PersonView>();
  const personOf = (key: string): PersonView => {
    let p = people.get(key);
    if (!p) {
      p = { name: names.get(key) ?? key, organization: null, roles: [], moves: [], sources: [] };
      people.set(key, p);
    }
    return p;
  };
  const addSource = (p: PersonView, s: string) => p.sources.includes(s) || p.sources.push(s);
  for (const m of mergeMoves(sourced)) {
    const p = personOf(canonicalPersonKey(m.person));
    p.moves.push(m);
    m.sources.forEach((s) => addSource(p, s));
    if (m.role) {
      const when = m.date ?? m.firstReported ?? null;
      const arrival = ARRIVALS.has(m.change);
      upsertRole(p, m.role, m.organization ?? null, arrival ? when : null, arrival ? null : when);
    }
    if (m.organization && ARRIVALS.has(m.change)) p.organization = m.organization;
  }
  for (const [key, list] of roleFacts) {
    const p = personOf(key);
    for (const r of list) {
      upsertRole(p, r.role, r.organization ?? null, null, null);
      addSource(p, r.article);
      p.organization ??= r.organization ?? null;
    }
  }
  const wanted = org?.trim().toLowerCase();
  return [...people.values()]
    .map((p) => ({ ...p, organization: p.organization ?? p.roles[0]?.organization ?? p.moves[0]?.organization ?? null }))
    .filter(
      (p) =>
        !wanted ||
        [p.organization, ...p.roles.map((r) => r.organization), ...p.moves.map((m) => m.organization)].some(
          (o) => o?.toLowerCase() === wanted,
        ),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

function upsertRole(p: PersonView, title: string, organization: string | null, from: string | null, to: string | null): void {
  const existing = p.roles.find((r) => r.title === title && (r.organization ?? '') === (organization ?? ''));
  if (!existing) {
    p.roles.push({ title, organization, from, to });
    return;
  }
  existing.from ??= from;
  existing.to ??= to;
}

/** Reads every stored article's people facts (moves with their sealed evidence opened). */
export async function listPeople(store: Store, ring: KeyRing, org?: string): Promise<PersonView[]> {
  const facts: ArticlePeopleFacts[] = [];
  for await (const row of store.iterateArticles(500)) {
    const moves = row.extended.moves as Move[] | undefined;
    const roles = row.extended.roles as Role[] | undefined;
    if (!moves?.length && !roles?.length) continue;
    const heatwire = presentRecord(row, { extended: true, ring }).record.heatwire as { moves?: Move[] };
    facts.push({
      source: row.canonicalUrl ?? row.id,
      date: row.publishedAt ?? row.firstSeenAt,
      moves: heatwire.moves ?? moves ?? [],
      roles: roles ?? [],
    });
  }
  return buildPeople(facts, org);
}
