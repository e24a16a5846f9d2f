import type { Entity, EntityAnalysis, EntityMention } from '../entities/entity.js';
import { analyseEntities, titlesOfSentence } from '../entities/find-entities.js';
import type { Move } from './move.js';
import { NEGATION, TRIGGERS, moveStatus, objectChange } from './move-triggers.js';
import { normalizeTitle } from './normalize-title.js';
import { articleDay, resolveDate } from './resolve-date.js';
import { isOutlet, mainOrganization, orgOfTitle, titleAfter, titleAsNew, titleBefore, type SentenceContext } from './role-context.js';
import { linkMoves } from './link-moves.js';

/** Input of move detection. `entities` (from findEntities) adds names the text alone may miss. */
export interface MoveInput {
  title?: string;
  text: string;
  publishedDateTime?: string;
  entities?: Entity[];
  language?: string;
}

/** A move before linking, with the data needed to link successors and predecessors. */
export interface RawMove extends Move {
  moverStart: number;
  sentence: number;
}

/** Entity analysis for an input (shared with findEntities on the same text). */
export function analysisOf(input: MoveInput): EntityAnalysis {
  return analyseEntities({ title: input.title, text: typeof input.text === 'string' ? input.text : '', language: input.language });
}

/** Builds per-sentence contexts: titles, people and organisations. */
export function sentenceContexts(analysis: EntityAnalysis): SentenceContext[] {
  // findMoves and findRoles read the same contexts (never modified once built): build them once.
  const cached = contexts.get(analysis);
  if (cached) return cached;
  const mainOrg = mainOrganization(analysis.entities);
  const ctxs: SentenceContext[] = analysis.sentences.map((s) => ({ text: s.text, titles: [], people: [], orgs: [], mainOrg }));
  for (const m of analysis.mentions) {
    const ctx = ctxs[m.sentence];
    if (!ctx) continue;
    if (m.type === 'person') ctx.people.push(m);
    else if (m.type === 'organization' && !isOutlet(m.name)) ctx.orgs.push(m);
  }
  ctxs.forEach((ctx, i) => {
    if (ctx.people.length > 0) ctx.titles = titlesOfSentence(analysis, i);
  });
  contexts.set(analysis, ctxs);
  return ctxs;
}

const contexts = new WeakMap<EntityAnalysis, SentenceContext[]>();

const DEPARTURE_BEFORE = /\b(?:left|leaves|leaving|leave|quit|quits|exits?|exited|departs?|departed|resign(?:s|ed)?|step(?:s|ped)? down)\b/i;
// Cheap pre-check: a sentence without any of these stems cannot hold a move.
const MOVE_HINT = /(?:step|resign|leav|left|quit|exit|depart|retir|oust|fire|dismiss|sack|let go|push|forced|out as|part|join|sign|aboard|move|head|defect|jump|promot|elevat|upgrad|reassign|redeploy|shift|transition|role|appoint|nam|tap|hir|poach|recruit|pick|elect|lure|bring|brought|welcom|install|choos|chose|select|confirm|replac|succeed|take|took|assum|becom|became|helm|rein)/i;
const PRONOUN = /\b(?:he|she|they)\s+(?:[\w’']+\s+){0,5}$/i;
const OWN_COMPANY = /\bto (?:start|launch|found|build|set up|create)\s+(?:(?:his|her|their|a|an)\s+)?(?:own\s+)?(?:new\s+)?(?:company|startup|start-up|firm|venture|business)\b/i;
const HISTORIC = /^[^.;]{0,40}\b(?:in (?:19|20)\d\d|since|years? ago|back in|for (?:over |nearly |almost |more than )?\w+ (?:years|decades))\b/i;

function firstAfter(people: EntityMention[], pos: number, max: number, text: string): EntityMention | undefined {
  const p = people.find((m) => m.start >= pos);
  if (!p || p.start - pos > max || /[.;:]/.test(text.slice(pos, p.start))) return undefined;
  return p;
}

function lastBefore(people: EntityMention[], pos: number): EntityMention | undefined {
  let found: EntityMention | undefined;
  for (const m of people) if (m.end <= pos) found = m;
  return found;
}

/** Finds the moves reported in one sentence. `lastPerson` is the previous sentences' subject. */
function movesIn(ctx: SentenceContext, index: number, lastPerson: string | undefined, published: Date | undefined): RawMove[] {
  const out: RawMove[] = [];
  const used: Array<[number, number]> = [];
  const text = ctx.text;
  for (const trig of TRIGGERS) {
    const re = trig.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index;
      const end = at + m[0].length;
      if (used.some(([a, b]) => at < b && end > a)) continue;
      if (NEGATION.test(text.slice(Math.max(0, at - 45), at))) continue;
      // "left Apple to join a startup": the joining is the departure's destination, not a move of its own.
      if (trig.change === 'joined' && /\bto\s+$/i.test(text.slice(Math.max(0, at - 4), at)) && DEPARTURE_BEFORE.test(text.slice(0, at))) continue;
      const before = lastBefore(ctx.people, at);
      // Relative clauses about earlier career steps ("…, who joined Meta in 2013, is leaving").
      if (before && /^\s*,\s*who\s+(?:has\s+|had\s+)?$/i.test(text.slice(before.end, at)) && HISTORIC.test(text.slice(end))) continue;
      let subject: { name: string; start: number } | undefined = before && { name: before.name, start: before.start };
      if (!subject || /[;]|\b(?:and|but|while)\s+(?:he|she|they)\b/i.test(text.slice(before?.end ?? 0, at))) {
        const clause = text.slice(Math.max(0, text.lastIndexOf(',', at - 1) + 1, text.lastIndexOf(';', at - 1) + 1), at);
        if (PRONOUN.test(clause) && lastPerson) subject = { name: lastPerson, start: at };
      }
      const statusWindow = text.slice(Math.max(0, (subject && subject.start < at ? subject.start : at - 60)), Math.min(text.length, end + 50));
      const status = moveStatus(/\b(?:reportedly|said to|according to|rumou?r|talks|familiar|sources)/i.test(text) ? text : statusWindow);
      // Dates often close the sentence ("… on Monday."): read them from the subject to the end.
      const date = resolveDate(text.slice(Math.max(0, subject && subject.start < at ? subject.start : at - 60)), published, status);
      const base = { status, evidence: text, sentence: index, ...(date ? { date } : {}) };
      if (trig.slot === 'object') {
        const obj = firstAfter(ctx.people, end, 50, text);
        if (!obj) continue;
        const org = lastBefore(ctx.orgs, at);
        const change = objectChange(m[0]);
        const title = titleAsNew(ctx, obj.end, obj.end) ?? (change === 'departed' ? titleBefore(ctx, obj) ?? titleAfter(ctx, obj) : undefined);
        out.push({ ...base, person: obj.name, moverStart: obj.start, change, ...roleOrg(ctx, title, org?.name ?? (/\b(?:it|the company)\s+$/i.test(text.slice(0, at)) ? ctx.mainOrg : undefined)) });
      } else if (trig.slot === 'succeeds' || trig.slot === 'replacedBy') {
        const other = firstAfter(ctx.people, end, 50, text);
        if (!subject || !other || other.name === subject.name) continue;
        const [successor, predecessor] = trig.slot === 'succeeds' ? [subject.name, other.name] : [other.name, subject.name];
        const title = titleAsNew(ctx, end);
        out.push({ ...base, person: successor, moverStart: trig.slot === 'succeeds' ? subject.start : other.start, change: 'appointed', replaces: predecessor, ...roleOrg(ctx, title, undefined) });
        out.push({ ...base, person: predecessor, moverStart: trig.slot === 'succeeds' ? other.start : subject.start, change: 'replaced', replacedBy: successor });
      } else {
        if (!subject) continue;
        const mention = ctx.people.find((p) => p.start === subject.start);
        const arrival = trig.change !== 'departed';
        let title = arrival ? titleAsNew(ctx, at) : titleAsNew(ctx, at) ?? undefined;
        if (!title && mention) title = titleBefore(ctx, mention) ?? titleAfter(ctx, mention);
        let org: string | undefined;
        let destination: string | undefined;
        const objOrg = ctx.orgs.find((o) => o.start >= end && o.start - end <= 12);
        if (trig.change === 'joined') org = (/\bby\b/i.test(m[0]) ? ctx.orgs.find((o) => o.start >= end && o.start - end <= 6) : objOrg)?.name;
        if (trig.change === 'departed') {
          if (objOrg && /^\s+(?:the\s+)?$/.test(text.slice(end, objOrg.start))) org = objOrg.name;
          const tail = text.slice(end, end + 140);
          const dest = ctx.orgs.find((o) => o.start > end && /\b(?:for|to join|to lead|to run|to head|to become\b[^,;]*\bat|joining|to)\s+(?:the\s+|rival\s+|startup\s+)?$/i.test(text.slice(Math.max(end, o.start - 40), o.start)));
          if (dest && dest.name !== org) destination = dest.name;
          else if (OWN_COMPANY.test(tail)) destination = 'own company';
        }
        if (trig.change === 'reassigned') {
          const to = /^[^.;]*?\bto\s+((?:a|an|the|lead|head|run)\s+[^,.;]{3,60})/i.exec(text.slice(at));
          if (to?.[1]) destination = to[1].trim();
        }
        const ro = roleOrg(ctx, title, org);
        // Passive "was hired / recruited / brought in" is a hire like the active verb.
        const change = trig.change === 'appointed' && /\b(?:hired|recruited|brought)\b/i.test(m[0]) ? 'joined' : trig.change;
        out.push({ ...base, person: subject.name, moverStart: subject.start, change, ...ro, ...(destination ? { destination } : {}) });
      }
      used.push([at, end]);
    }
  }
  return out;
}

function roleOrg(ctx: SentenceContext, title: { raw: string; start: number; end: number } | undefined, org: string | undefined): { role?: string; organization?: string } {
  const organization =
    org ??
    (title ? orgOfTitle(ctx, title) : undefined) ??
    (ctx.orgs.length === 1 ? ctx.orgs[0]?.name : undefined) ??
    // "the company" / "its" with no organisation named in the sentence: the article's main one.
    (ctx.orgs.length === 0 && /\b(?:the company|the firm|its)\b/i.test(ctx.text) ? ctx.mainOrg : undefined);
  return { ...(title ? { role: normalizeTitle(title.raw) } : {}), ...(organization ? { organization } : {}) };
}

/**
 * Finds people's moves in an article: appointments, hires, promotions, departures,
 * reassignments and replacements, with role, organisation, successor/predecessor, date,
 * status (confirmed / planned / rumoured) and the evidence sentence. "He"/"She" at the start
 * of a clause refers to the last person named. Never throws; empty or non-English input → [].
 */
export function findMoves(input: MoveInput): Move[] {
  const analysis = analysisOf(input);
  const ctxs = sentenceContexts(analysis);
  const published = articleDay(input.publishedDateTime);
  const raw: RawMove[] = [];
  let lastPerson: string | undefined;
  ctxs.forEach((ctx, i) => {
    if ((ctx.people.length > 0 || (lastPerson && /\b(?:he|she|they)\b/i.test(ctx.text))) && MOVE_HINT.test(ctx.text)) raw.push(...movesIn(ctx, i, lastPerson, published));
    const first = ctx.people[0];
    if (first) lastPerson = first.name;
  });
  return linkMoves(raw, ctxs);
}
