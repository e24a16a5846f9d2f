import type { MoveChange, MoveStatus } from './move.js';

/**
 * Where the moving person sits relative to the trigger: `subject` before it ("X steps down"),
 * `object` after it ("Acme names X"), or `succession` with a successor and a predecessor.
 */
export type TriggerSlot = 'subject' | 'object' | 'succeeds' | 'replacedBy';

/** One verb pattern that reports a move (a global regex: reset `lastIndex` before use). */
export interface Trigger {
  re: RegExp;
  change: MoveChange;
  slot: TriggerSlot;
}

const AUX = '(?:(?:is|are|was|were|has|have|had|will|would|to|be|been|being|also|now|just|immediately|formally|officially|reportedly|set|expected|likely|soon|not)\\s+)*';

/** Move triggers, most specific first. All case-insensitive and global (compiled once). */
export const TRIGGERS: Trigger[] = ([
  { re: new RegExp(`\\b${AUX}(?:replaced|succeeded)\\s+(?:immediately\\s+|permanently\\s+|temporarily\\s+)?by\\b`, 'i'), change: 'replaced', slot: 'replacedBy' },
  { re: /\b(?:succeeds?|succeeded|succeeding|replaces?|replaced|replacing|takes over from|took over from|taking over from|will take over from|will succeed|will replace|to succeed|to replace)\b(?!\s+(?:the|a|an|its|their)\b)/i, change: 'appointed', slot: 'succeeds' },
  { re: new RegExp(`\\b${AUX}(?:poached|lured|hired away|recruited)\\s+(?:away\\s+)?by\\b`, 'i'), change: 'joined', slot: 'subject' },
  { re: new RegExp(`\\b${AUX}(?:promoted|elevated|upgraded)\\b`, 'i'), change: 'promoted', slot: 'subject' },
  { re: new RegExp(`\\b${AUX}(?:reassigned|redeployed|moved to a new role|moving to a new role|move to a new role|shifted to|transition(?:s|ed|ing)? to (?:a|an|the) (?:new )?(?:role|position)|tak(?:e|es|ing) on a new role|tak(?:e|es|ing) up a new role)\\b`, 'i'), change: 'reassigned', slot: 'subject' },
  { re: new RegExp(`(?:\\b(?:is|are|was|were|has been|have been|had been|will be|would be|be|been|is being|being)\\s+(?:also\\s+|now\\s+|formally\\s+|officially\\s+)?|,\\s*)(?:appointed|named|tapped|hired|chosen|selected|elected|picked|installed|confirmed as|brought in|brought on|recruited)\\b`, 'i'), change: 'appointed', slot: 'subject' },
  { re: /\b(?:step(?:s|ped|ping)?|stepp(?:ed|ing))\s+(?:down|aside|away)\b|\bresign(?:s|ed|ing|ation)?\b|\b(?:leav(?:e|es|ing)|left|quit(?:s|ting)?|exit(?:s|ed|ing)?|depart(?:s|ed|ing|ure)?|retir(?:e|es|ed|ing|ement))\b(?!-)|\b(?:was|were|is|has been|have been|had been|got|been|being)\s+(?:ousted|fired|dismissed|sacked|let go|pushed out|forced out|removed)\b|\bis out as\b|\bparts? ways\b|\bparted ways\b/i, change: 'departed', slot: 'subject' },
  { re: /\b(?:join(?:s|ed|ing)?|rejoin(?:s|ed|ing)?|sign(?:s|ed)? (?:with|for)|came aboard|comes aboard|moves? to|moved to|heads? to|headed to|defect(?:s|ed)? to|jumps? to|jumped to)\b/i, change: 'joined', slot: 'subject' },
  { re: /\b(?:take[sn]?|took|taking|assume[sd]?|assuming)\s+(?:over\s+as|the\s+(?:helm|reins|top job)|over\s+the\s+(?:role|helm|reins))\b|\bsteps? (?:up|in) as\b|\bstepped (?:up|in) as\b|\b(?:becomes?|became|will become|is to become|to become)\b(?=\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:new\s+|first\s+|next\s+|interim\s+|acting\s+)*(?:chief|ceo|cfo|coo|cto|cro|ciso|president|head|chair|director|vice|svp|evp|vp|general|managing|prime|minister|manager|coach|captain|leader|secretary|governor)\b)/i, change: 'appointed', slot: 'subject' },
  { re: /\b(?:appoint(?:s|ed|ing)?|nam(?:es|ed|ing)|tap(?:s|ped|ping)?|hir(?:es|ed|ing)|poach(?:es|ed|ing)?|recruit(?:s|ed|ing)?|pick(?:s|ed)|elect(?:s|ed)|lure[sd]?|brings? in|brought in|welcomes?|welcomed|promot(?:es|ed|ing)|installs?|installed|reassign(?:s|ed)|fires?|fired|ousts?|ousted|dismiss(?:es|ed)|sacks?|sacked)\b/i, change: 'appointed', slot: 'object' },
] as Trigger[]).map((t) => ({ ...t, re: new RegExp(t.re.source, 'gi') }));

/** What an active object-trigger verb means for the person who is its object. */
export function objectChange(verb: string): MoveChange {
  const v = verb.toLowerCase();
  if (/^(?:hir|poach|recruit|lure|bring|brought|welcom)/.test(v)) return 'joined';
  if (v.startsWith('promot')) return 'promoted';
  if (v.startsWith('reassign')) return 'reassigned';
  if (/^(?:fire|oust|dismiss|sack)/.test(v)) return 'departed';
  return 'appointed';
}

const RUMOUR = /\b(?:reportedly|(?:is|are|was|were) said to|in (?:advanced |early |final )?(?:talks|discussions|negotiations)|according to (?:people|sources|a person|persons|two|three|several|multiple|those|an? (?:insider|source))|people (?:familiar|close|briefed)|(?:sources|insiders) (?:say|said|told|close)|rumou?r(?:ed|s)?|speculat\w*|(?:is|are) (?:tipped|believed|understood|thought|rumou?red) to|front-?runner|(?:is|are) (?:considering|weighing|eyeing|courting)|in the running|shortlist(?:ed)?|could (?:join|leave|replace|become|be named|step down|exit|depart)|may (?:join|leave|replace|step down|exit|depart)|might)\b/i;
const PLANNED = /\b(?:will|would|shall|'ll|is set to|are set to|is to|are to|is expected to|are expected to|plans? to|planning to|intends? to|is due to|is slated to|is poised to|is preparing to|has agreed to|agreed to|next (?:week|month|year|quarter|season)|later this (?:year|month)|at the end of|by the end of|effective (?!immediately)|(?:from|starting|as of|beginning) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|upon|once a successor|pending)\b/i;
const IMMEDIATE = /\b(?:immediately|effective immediately|with immediate effect|effective today|as of today)\b/i;

/** Status of a move from the words of its clause: rumours win over plans, "immediately" is confirmed. */
export function moveStatus(clause: string): MoveStatus {
  if (RUMOUR.test(clause)) return 'rumoured';
  if (PLANNED.test(clause) && !IMMEDIATE.test(clause)) return 'planned';
  return 'confirmed';
}

/** Negations right before a trigger cancel it ("did not step down", "has no plans to leave"). */
export const NEGATION = /\b(?:not|n't|never|no plans? to|no intention of|deni(?:ed|es)|deny(?:ing)?|refus(?:ed|es|ing) to|reject(?:ed|s)? (?:calls|reports|suggestions)|rul(?:ed|es) out|dismiss(?:ed|es) (?:reports|speculation|rumou?rs)|calls? (?:for|on) \S+(?: \S+)? to|urged? \S+(?: \S+)? to)\b[^.;]{0,30}$/i;
