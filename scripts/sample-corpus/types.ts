import type { Rng } from './prng.js';

/** The AI-industry taxonomy the sample corpus covers, most specific first (`AI` last). */
export const SAMPLE_TOPICS = [
  'Facebook AI',
  'Google AI',
  'OpenAI',
  'Microsoft AI',
  'Amazon AI',
  'Apple AI',
  'Nvidia',
  'Anthropic',
  'Mistral',
  'Generative AI',
  'AI Hardware',
  'AI Policy & Regulation',
  'AI Research',
  'AI Business & Funding',
  'AI Talent & Leadership',
  'AI Safety',
  'Robotics',
  'AI',
] as const;

/** One topic name of the taxonomy. */
export type TopicName = (typeof SAMPLE_TOPICS)[number];

/** A company the corpus writes about: real names carry a company topic, fictional ones don't. */
export interface Company {
  name: string;
  /** Ways a reporter refers to it on second mention ("the chipmaker"). */
  alts: readonly string[];
  topic?: TopicName;
  city: string;
  real: boolean;
  /** What a fictional company does ("warehouse picking robots"). */
  area?: string;
  /** Fictional product-family names used for its launches. */
  products?: readonly string[];
}

/** A fictional person. */
export interface Person {
  name: string;
  surname: string;
}

/** A people move the corpus states, for later checks of move extraction. */
export interface MoveTruth {
  person: string;
  role: string;
  organization: string;
  change: 'leaves' | 'joins';
  from?: string;
}

/** A departure waiting for its person's next job (a career arc across two stories). */
export interface OpenArc {
  person: Person;
  role: string;
  company: Company;
  date: Date;
}

/** What a kind needs to plan one event. */
export interface PlanContext {
  rng: Rng;
  subject: Company;
  date: Date;
  /** A new fictional person, never used before in the corpus. */
  newPerson(): Person;
  /** Another company from `names` (not the subject), least used first. */
  otherCompany(names: readonly string[]): Company;
  /** A departure of earlier months that an appointment may complete. */
  openArc?: OpenArc;
}

/** The facts of one event, shared by every article that covers it. */
export interface EventFacts {
  slots: Record<string, string>;
  /** Other companies the event involves (their topics are added). */
  companies: Company[];
  moves: MoveTruth[];
  /** Set by a departure: the arc a later appointment may complete. */
  startsArc?: OpenArc;
  /** Set by an appointment that completed an arc. */
  closesArc?: boolean;
}

/** A kind of event (a launch, a funding round, a hire…) with its own sentence templates. */
export interface EventKind {
  id: string;
  /** Which generic context and reactions fit: software and deals, chips/sites/robots, rules, research, or people. */
  family: 'market' | 'physical' | 'rules' | 'science' | 'people';
  /** Kind topics, most specific first; company topics and `AI` are added around them. */
  topics: readonly TopicName[];
  /** Companies that can be the subject, by name. */
  subjects: readonly string[];
  plan(ctx: PlanContext): EventFacts;
  headlines: readonly string[];
  ledes: readonly string[];
  details: readonly string[];
  /** Quote contents (no quotation marks); attribution is added from the generic pool. */
  quotes: readonly string[];
  outlook: readonly string[];
  /** Background specific to this kind of event, used to fill longer articles. */
  background: readonly string[];
  /** Object of "X today announced …" in press releases. */
  announcement: string;
}
