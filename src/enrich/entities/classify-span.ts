import type { EntityType } from './entity.js';
import { ORG_ALIASES, ORG_CUE_WORDS, ORG_PREFIXES, ORG_SUFFIXES, PRODUCT_ALIASES } from './gazetteer.js';
import { LEXICON } from './lexicon.js';
import type { Token } from './tokenize.js';

/** What a candidate span was classified as; `unknown` spans may still corefer in pass 2. */
export interface SpanClass {
  type: EntityType | 'unknown';
  /** Canonical name for gazetteer hits, else the surface. */
  name: string;
  /** An unknown span in an organisation slot ("joins Nomi"): an organisation unless it corefers to a person. */
  orgHint?: boolean;
}

/** Context around a span that classification may use. */
export interface SpanContext {
  tokens: Token[];
  from: number;
  to: number;
  surface: string;
  /** Text of the sentence right after the span. */
  after: string;
  /** Text of the sentence right before the span. */
  before: string;
  /** A job title ends right before the span ("CEO Mark Zuckerberg"). */
  titleBefore: boolean;
  /** A job title starts right after the span ("Meta CEO …"). */
  titleAfter: boolean;
  /** A title appears in an appositive after the span ("X, the company's CRO"), or "X as CFO". */
  appositiveTitle: boolean;
  /** The span follows "TITLE of/at" ("chief executive of Nordlys"). */
  afterTitleOf: boolean;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev', 'sen', 'rep', 'gov', 'judge', 'justice', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'president', 'senator', 'mayor', 'governor', 'chancellor', 'minister']);
// Capitalised words that are not names on their own in news text.
const GENERIC = new Set(['ai', 'agi', 'llm', 'llms', 'api', 'apis', 'gpu', 'gpus', 'cpu', 'ipo', 'esg', 'gdp', 'tv', 'pc', 'ev', 'evs', 'vr', 'ar', 'ok', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'i', 'ceo', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'internet', 'web', 'covid', 'covid-19', 'christmas', 'easter', 'ramadan', 'olympics', 'world cup', 'premier league', 'champions league', 'nba', 'nfl', 'earth', 'rumours', 'rumors', 'investors', 'shares']);
// Lower-case words after a capitalised name that show it is a unit, product or event name
// rather than an organisation ("the Business AI unit", "the Llama team").
const NOT_ORG_AFTER = /^\s+(?:unit|team|division|group|department|model|models|chatbot|assistant|glasses|app|apps|feature|features|headset|chip|chips|platform|service|program|programme|project|initiative|lab|summit|conference|award|awards|cup|league|index|act|bill|law|telescope|prize)\b/i;
const ORG_BEFORE_VERBS = new Set(['at', 'joins', 'joined', 'join', 'joining', 'rejoins', 'rejoined', 'leaves', 'left', 'leaving', 'quit', 'quits', 'from', 'exits', 'exited', 'for']);
// Verbs whose capitalised single-word subject is a company ("Stripe hires …").
const ORG_VERB_AFTER = /^\s+(?:hires|hired|names|named|appoints|appointed|taps|tapped|announced|announces|launched|launches|acquires|acquired|buys|bought|raised|raises|posted|posts|reported|reports|unveiled|unveils|released|releases|shipped|recruits|recruited|poached|poaches|fired|promotes|promoted|has appointed|has named|has hired)\b/i;

// A move verb right after a two- or three-word name marks a person ("Maya Lindqvist was promoted").
const PERSON_VERB_AFTER = /^\s+(?:(?:has|have|had|was|is|will|would|been|be|set to|expected to|reportedly|also|now|formally|officially|said to|in talks to|to)\s+)*(?:promoted|appointed|named|hired|resigned|resigns|retired|retires|retiring|steps down|stepped down|step down|stepping down|joins|joined|join|joining|leave|leaves|left|leaving|quits|quit|departs|departed|depart|exit|exits|exited|resign|retire)\b/i;

const APPOINT_VERBS = new Set(['names', 'named', 'appoints', 'appointed', 'taps', 'tapped', 'hires', 'hired', 'promotes', 'promoted', 'welcomes', 'welcomed', 'recruits', 'recruited', 'poaches', 'poached', 'elects', 'elected', 'replaces', 'replaced', 'succeeds', 'succeeded', 'by']);

/** Looks a surface form up in the organisation and product gazetteers. */
export function lookupGazetteer(surface: string): SpanClass | undefined {
  const lower = surface.toLowerCase();
  const org = ORG_ALIASES.get(lower);
  const product = PRODUCT_ALIASES.get(lower);
  const canonical = org ?? product;
  if (!canonical) return undefined;
  // Short aliases ("UN", "WHO", "SEC") only when written as the canonical name or in capitals,
  // so "Who" or "Sec" opening a sentence is not an organisation.
  const ok = lower.length > 3 || surface === canonical || (surface === surface.toUpperCase() && surface.length > 1);
  if (!ok) return undefined;
  return org ? { type: 'organization', name: org } : { type: 'product', name: canonical };
}

const isFirstName = (lower: string): boolean => LEXICON.firstNames.has(lower);

/** Classifies one candidate span from its words, gazetteers and context. */
export function classifySpan(ctx: SpanContext): SpanClass {
  const { tokens, from, to, surface } = ctx;
  const words = tokens.slice(from, to);
  const lower = surface.toLowerCase();
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return { type: 'unknown', name: '' };
  const gaz = lookupGazetteer(surface);
  if (gaz) return gaz;
  if (GENERIC.has(lower) || LEXICON.demonyms.has(lower) || LEXICON.demonyms.has(last.lower)) return { type: 'unknown', name: '' };
  const prev = tokens[from - 1];
  const prev2 = tokens[from - 2];
  const honorific = (prev && HONORIFICS.has(prev.lower)) || (prev?.text === '.' && prev2 && HONORIFICS.has(prev2.lower));
  const actorBefore = prev !== undefined && (!prev.cap || from === 1) && LEXICON.actors.has(prev.lower);
  if (LEXICON.places.has(lower) && !honorific && !actorBefore) return { type: 'place', name: surface };
  const names = words.filter((w) => w.cap);
  const orgLike =
    (words.length >= 2 && ORG_SUFFIXES.has(last.lower)) ||
    (words.length >= 3 && ORG_PREFIXES.has(first.lower) && words[1]?.lower === 'of') ||
    words.some((w) => w.text === '&') ||
    LEXICON.organizations.has(lower);
  if (orgLike) return NOT_ORG_AFTER.test(ctx.after) ? { type: 'unknown', name: '' } : { type: 'organization', name: surface };
  const allUpper = words.every((w) => w.text === w.text.toUpperCase());
  const nameShaped = names.length <= 4 && !allUpper && !words.some((w) => w.lower === 'of') && !/^\s*['’]s\s+(?:shares|stock)/.test(ctx.after);
  if (nameShaped && names.length >= 2 && isFirstName(first.lower) && !ORG_SUFFIXES.has(last.lower)) return { type: 'person', name: surface };
  // After a verb that appoints someone ("names Bram Okafor CTO"), a two- or three-word name is a person.
  const appointedBy = prev !== undefined && !prev.cap && APPOINT_VERBS.has(prev.lower) && names.length >= 2 && names.length <= 3;
  if (nameShaped && (honorific || ctx.titleBefore || actorBefore || appointedBy)) return { type: 'person', name: surface };
  // Organisation by context: "startup Nomi", "Acme's CEO", "Acme CEO Jane Doe", "CEO of Nordlys".
  const possTitle = /^\s*['’]s\s+(?:(?:new|former|outgoing|incoming|interim|top|chief|board)\s+)*(?:chief|ceo|cfo|cto|coo|cro|ciso|president|head|founder|co-founder|board|chair|vp|svp|evp|director|executive|shares|stock|revenue|model|models)\b/i.test(ctx.after);
  const cue = (prev && !prev.cap && ORG_CUE_WORDS.has(prev.lower)) || /\bboard of\s+$/i.test(ctx.before);
  if (cue || ctx.afterTitleOf) return { type: 'organization', name: surface };
  const weakOk = !LEXICON.openers.has(first.lower) || isFirstName(first.lower);
  if (nameShaped && names.length >= 2 && names.length <= 3 && weakOk) {
    const lastName = LEXICON.lastNames.has(last.lower);
    const saidAfter = /^\s*,?\s*(?:who\b|said\b|says\b|told\b|added\b|wrote\b)/.test(ctx.after) || PERSON_VERB_AFTER.test(ctx.after);
    if (lastName || saidAfter || ctx.appositiveTitle) return { type: 'person', name: surface };
  }
  if (!isFirstName(first.lower) || words.length > 1) {
    if (possTitle || ctx.titleAfter) return { type: 'organization', name: surface };
    if (prev && ORG_BEFORE_VERBS.has(prev.lower) && !NOT_ORG_AFTER.test(ctx.after)) return { type: 'unknown', name: surface, orgHint: true };
    if (words.length === 1 && ORG_VERB_AFTER.test(ctx.after)) return { type: 'unknown', name: surface, orgHint: true };
  }
  return { type: 'unknown', name: surface };
}
