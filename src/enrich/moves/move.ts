/** What happened to a person's position. */
export type MoveChange = 'appointed' | 'joined' | 'promoted' | 'departed' | 'reassigned' | 'replaced';
/** How sure the report is: happened/happening, announced for later, or only rumoured. */
export type MoveStatus = 'confirmed' | 'rumoured' | 'planned';

/** A change in someone's position, as one article reports it. */
export interface Move {
  person: string;
  /** Normalised title (see normalizeTitle): the new one for arrivals, the old one for departures. */
  role?: string;
  organization?: string;
  change: MoveChange;
  /** For arrivals: whom the person replaces. */
  replaces?: string;
  /** For departures: who replaces the person. */
  replacedBy?: string;
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known). */
  date?: string;
  status: MoveStatus;
  /** Where a departing or reassigned person goes ("OpenAI", "own company", "a new role focused on AI"). */
  destination?: string;
  /** The sentence that reports the move. */
  evidence: string;
}

/** A person's current role mentioned without a move ("CEO Mark Zuckerberg"). */
export interface Role {
  person: string;
  role: string;
  organization?: string;
  /** `text` when the article states it, `gazetteer` when taken from the well-known roles list. */
  source: 'text' | 'gazetteer';
}
