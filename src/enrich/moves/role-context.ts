import type { Entity, EntityMention } from '../entities/entity.js';
import type { TitleSpan } from './find-titles.js';

// News outlets are cited as sources ("according to Bloomberg"), not employers, unless the
// sentence says so ("joins Bloomberg").
const OUTLETS = new Set(['Bloomberg', 'Reuters', 'The Wall Street Journal', 'The New York Times', 'Financial Times', 'The Information', 'CNBC', 'BBC', 'Associated Press']);

/** Whether an organisation is a news outlet (cited as a source rather than an employer). */
export function isOutlet(name: string): boolean {
  return OUTLETS.has(name);
}

/** The article's main organisation: the most salient non-outlet organisation. */
export function mainOrganization(entities: Entity[]): string | undefined {
  return entities.find((e) => e.type === 'organization' && !isOutlet(e.name))?.name;
}

/** The sentence and what was found in it, shared by the role and move finders. */
export interface SentenceContext {
  text: string;
  titles: TitleSpan[];
  people: EntityMention[];
  orgs: EntityMention[];
  mainOrg: string | undefined;
}

const COMPANY_POSS = /\b(?:the (?:company|firm|group|social media giant|tech giant|giant|startup|lab|club|team|bank|carmaker|chipmaker|government|party)['’]s|its)\s+$/i;

/** A title right before the person ("CEO Mark Zuckerberg", "Meta's CTO Jane Doe"). */
export function titleBefore(ctx: SentenceContext, person: EntityMention): TitleSpan | undefined {
  return ctx.titles.find((t) => t.end <= person.start && /^[\s,]*$/.test(ctx.text.slice(t.end, person.start)));
}

/** A title in an appositive after the person ("John Doe, the company's CRO, …"). */
export function titleAfter(ctx: SentenceContext, person: EntityMention): TitleSpan | undefined {
  return ctx.titles.find((t) => {
    if (t.start < person.end || t.start - person.end > 60) return false;
    const gap = ctx.text.slice(person.end, t.start);
    if (!/^\s*,\s*[^,;()]*$/.test(gap) && !/^\s*\(\s*[^()]*$/.test(gap)) return false;
    // Another person in between means the title is theirs.
    if (ctx.people.some((p) => p.start >= person.end && p.end <= t.start)) return false;
    return !/\b(?:who|which|that|said|says|told|and|after|before|as)\b/i.test(gap);
  });
}

/** The new-role title of a move: "as CFO", "to chief of staff", "becomes president", "the role of …". */
export function titleAsNew(ctx: SentenceContext, from: number, moverEnd = -1): TitleSpan | undefined {
  return ctx.titles.find((t) => {
    if (t.start < from) return false;
    // "names Gareth Olsen chief technology officer": the title right after the appointee.
    if (moverEnd >= 0 && t.start >= moverEnd && /^\s*$/.test(ctx.text.slice(moverEnd, t.start))) return true;
    const before = ctx.text.slice(Math.max(from, t.start - 60), t.start);
    return /\b(?:as|to|becomes?|became|become|role of|position of|post of|job of|new|named|appointed|tapped|hired)\s+(?:(?:the|its|their|his|her|a|an|new|interim|acting|permanent|next|first|company['’]s|[\p{Lu}][\p{L}\p{N}&.-]*['’]s|role\s+of|position\s+of|post\s+of)\s+)*$/iu.test(before);
  });
}

/** The organisation a title belongs to: "CTO of Acme", "CTO at Acme", "Acme's CTO", "Acme CTO", "its CTO". */
export function orgOfTitle(ctx: SentenceContext, title: TitleSpan): string | undefined {
  const after = ctx.orgs.find((o) => o.start >= title.end && /^\s*(?:,\s*)?(?:of|at|for|with|in)\s+(?:the\s+)?$/i.test(ctx.text.slice(title.end, o.start)));
  if (after) return after.name;
  const before = ctx.orgs.find((o) => o.end <= title.start && /^(?:['’]s)?\s+(?:(?:new|former|outgoing|incoming|interim|acting|longtime|top)\s+)*$/i.test(ctx.text.slice(o.end, title.start)));
  if (before) return before.name;
  if (COMPANY_POSS.test(ctx.text.slice(Math.max(0, title.start - 40), title.start))) return ctx.mainOrg;
  return undefined;
}

/** Whether a raw title says the person no longer holds it ("former CEO"). */
export function isFormerTitle(ctx: SentenceContext, title: TitleSpan): boolean {
  return /^(?:former|ex-|then-|outgoing)/i.test(title.raw) || /\b(?:former|ex-)\s*$/i.test(ctx.text.slice(Math.max(0, title.start - 10), title.start));
}
