import { COMPANIES, FIRST_NAMES, SURNAMES } from './catalog.js';
import type { StoryEvent } from './compose.js';
import { ANALYSIS, ATTRIBUTIONS, BACKGROUND, CONTEXT, OUTLOOK, PRESS_ABOUT, REACTIONS, SYNDICATION_CREDITS } from './generic.js';
import { ACQUISITION, FUNDING, PARTNERSHIP } from './kinds-business.js';
import { LAWSUIT, POLICY, RESEARCH, SAFETY } from './kinds-governance.js';
import { APPOINTMENT, DEPARTURE } from './kinds-people.js';
import { CHIP, DATACENTER, LAUNCH, ROBOTICS } from './kinds-products.js';
import type { Rng } from './prng.js';
import type { Company, EventKind, MoveTruth, OpenArc, Person, TopicName } from './types.js';
import { HeatwireError } from '../../src/core/errors.js';

/** Every kind of event, with how often it occurs relative to the others. */
export const KINDS: ReadonlyArray<{ kind: EventKind; weight: number }> = [
  { kind: LAUNCH, weight: 9 }, { kind: CHIP, weight: 5 }, { kind: DATACENTER, weight: 4 }, { kind: ROBOTICS, weight: 5 },
  { kind: FUNDING, weight: 7 }, { kind: ACQUISITION, weight: 4 }, { kind: PARTNERSHIP, weight: 4 },
  { kind: POLICY, weight: 5 }, { kind: LAWSUIT, weight: 3 }, { kind: SAFETY, weight: 5 }, { kind: RESEARCH, weight: 6 },
  { kind: DEPARTURE, weight: 7 }, { kind: APPOINTMENT, weight: 7 },
];

/** The corpus covers 2025-01-06 … 2026-10-30 (22 calendar months, all before the corpus was made). */
export const SPAN = { start: Date.UTC(2025, 0, 6), end: Date.UTC(2026, 9, 30) } as const;

/** One planned event: what happened, how many primary articles cover it, and its topics. */
export interface PlannedStory {
  event: StoryEvent;
  size: number;
  topics: TopicName[];
  moves: MoveTruth[];
}

const SPEAKER_ROLES = ['vice president of product', 'head of AI research', 'chief technology officer', 'a senior vice president', 'general manager for AI', 'head of communications'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

/**
 * Plans the stories of the corpus until their primary articles reach `targetArticles`: sizes
 * (singles, pairs, and stories of 3–8), kinds (each at least once), dates spread evenly over
 * SPAN, subjects (least-used company first, so every company topic appears) and people.
 */
export function planStories(rng: Rng, targetArticles: number): PlannedStory[] {
  // Kinds first (each kind once, in a shuffled order, then by weight), sizes capped per kind.
  const firstRound = rng.shuffle(KINDS.map((k) => k.kind));
  const nextByWeight = smoothWeightedRoundRobin(rng.shuffle(KINDS));
  const plan: Array<{ kind: EventKind; size: number }> = [];
  for (let total = 0; total < targetArticles; ) {
    const kind = firstRound[plan.length] ?? nextByWeight();
    const r = rng.next();
    const drawn = r < 0.28 ? 1 : r < 0.38 ? 2 : rng.weighted([3, 4, 5, 6, 7, 8], (n) => 10 - n);
    // Each outlet gets its own headline and lede template.
    // People-move stories are short in practice: few outlets cover one executive's move.
    const size = Math.min(drawn, kind.headlines.length, kind.ledes.length, kind.topics.includes('AI Talent & Leadership') ? 5 : 8);
    plan.push({ kind, size });
    total += size;
  }

  const people = peopleAllocator(rng);
  const usage = new Map<string, number>();
  const leastUsed = (names: readonly string[], avoid: readonly string[] = []): Company => {
    const pool = names.filter((n) => !avoid.includes(n));
    const min = Math.min(...pool.map((n) => usage.get(n) ?? 0));
    const name = rng.pick(pool.filter((n) => (usage.get(n) ?? 0) === min));
    usage.set(name, (usage.get(name) ?? 0) + 1);
    return companyNamed(name);
  };
  const arcs: OpenArc[] = [];

  return plan.map(({ kind, size }, i) => {
    const slotStart = SPAN.start + ((SPAN.end - SPAN.start) * (i + 0.15 + 0.7 * rng.next())) / plan.length;
    const date = new Date(Math.floor(slotStart / DAY_MS) * DAY_MS + rng.int(6, 20) * 3_600_000 + rng.int(0, 11) * 300_000);
    // An appointment completes the oldest departure at least six weeks old, at another company.
    const arcIndex = kind === APPOINTMENT ? arcs.findIndex((a) => date.getTime() - a.date.getTime() > 42 * DAY_MS) : -1;
    const openArc = arcIndex >= 0 ? arcs[arcIndex] : undefined;
    const subject = leastUsed(kind.subjects, openArc ? [openArc.company.name] : []);
    const facts = kind.plan({
      rng,
      subject,
      date,
      newPerson: people,
      otherCompany: (names) => leastUsed(names, [subject.name]),
      ...(openArc ? { openArc } : {}),
    });
    if (facts.closesArc) arcs.splice(arcIndex, 1);
    if (facts.startsArc) arcs.push(facts.startsArc);
    const speaker = people();
    const slots = {
      speaker: speaker.name,
      speakerRole: rng.pick(SPEAKER_ROLES),
      company: subject.name,
      city: subject.city,
      area: subject.area ?? 'AI software and services',
      weekday: WEEKDAYS[date.getUTCDay()] ?? 'Monday',
      year: String(date.getUTCFullYear()),
      foundedYear: String(rng.int(2016, 2023)),
      countries: String(rng.int(8, 60)),
      ...facts.slots,
    };
    const event: StoryEvent = { storyId: `story-${String(i + 1).padStart(3, '0')}`, kind, subject, date, slots };
    return { event, size, topics: topicsFor(subject, facts.companies, kind), moves: facts.moves };
  });
}

/**
 * Smooth weighted round-robin (as in nginx's upstream balancer): each kind comes up in proportion
 * to its weight and evenly spread, so the corpus mix doesn't depend on luck.
 */
function smoothWeightedRoundRobin(items: ReadonlyArray<{ kind: EventKind; weight: number }>): () => EventKind {
  const current = items.map(() => 0);
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  return () => {
    let best = 0;
    items.forEach((item, i) => {
      current[i] = (current[i] ?? 0) + item.weight;
      if ((current[i] ?? 0) > (current[best] ?? 0)) best = i;
    });
    current[best] = (current[best] ?? 0) - total;
    return (items[best] ?? items[0])!.kind;
  };
}

/** Every sentence and headline template of the corpus (kinds and generic pools), deduplicated. */
export function listTemplates(): string[] {
  const pools: Array<readonly string[]> = [ATTRIBUTIONS, OUTLOOK, ANALYSIS, BACKGROUND, PRESS_ABOUT, SYNDICATION_CREDITS];
  pools.push(...Object.values(CONTEXT), ...Object.values(REACTIONS));
  for (const { kind } of KINDS) pools.push(kind.headlines, kind.ledes, kind.details, kind.quotes, kind.outlook, kind.background);
  return [...new Set(pools.flat())];
}

/** Company topics first (subject, then others), the kind's topics, and the umbrella `AI` last. */
function topicsFor(subject: Company, others: readonly Company[], kind: EventKind): TopicName[] {
  const topics: TopicName[] = [];
  for (const company of [subject, ...others]) if (company.topic && !topics.includes(company.topic)) topics.push(company.topic);
  for (const topic of kind.topics) if (!topics.includes(topic)) topics.push(topic);
  topics.push('AI');
  return topics;
}

/** The company with this exact name; a typo in a kind's subject list is a generator bug. */
export function companyNamed(name: string): Company {
  const company = COMPANIES.find((c) => c.name === name);
  if (!company) throw new HeatwireError('INTERNAL', `unknown company in sample catalogue: ${name}`);
  return company;
}

/**
 * Hands out fictional people, each name once, in a seeded order. A surname is not reused within
 * the next dozen people, so one article never has two unrelated people called "Okafor".
 */
export function peopleAllocator(rng: Rng): () => Person {
  const pairs = rng.shuffle(FIRST_NAMES.flatMap((first) => SURNAMES.map((surname) => ({ name: `${first} ${surname}`, surname }))));
  const recent: string[] = [];
  return () => {
    const i = pairs.findIndex((p) => !recent.includes(p.surname));
    const person = pairs[i];
    if (!person) throw new HeatwireError('INTERNAL', 'ran out of fictional names');
    pairs.splice(i, 1);
    recent.push(person.surname);
    if (recent.length > 12) recent.shift();
    return person;
  };
}
