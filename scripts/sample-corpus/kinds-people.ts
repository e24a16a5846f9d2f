import type { EventKind, PlanContext } from './types.js';

/**
 * People moves: departures and appointments, phrased the many ways news copy phrases them
 * ("X, the company's chief revenue officer, is stepping down", "Y has been named head of …",
 * "Z joins from …"). All people are fictional; a departure can be followed months later by the
 * same person's appointment elsewhere (a career arc across two stories).
 */

const ROLES = [
  'chief revenue officer', 'chief technology officer', 'head of applied research', 'vice president of AI infrastructure',
  'chief scientist', 'general counsel', 'head of policy', 'head of safety research', 'chief operating officer',
  'head of developer platforms', 'vice president of hardware engineering', 'chief product officer', 'head of robotics',
  'head of enterprise sales', 'chief financial officer', 'head of model training',
];
const BOSS_ROLES = ['president of AI products', 'chief operating officer', 'executive vice president of cloud', 'head of research', 'chief technology officer'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ALL = ['Meta', 'Google', 'Google DeepMind', 'OpenAI', 'Microsoft', 'Amazon', 'Apple', 'Nvidia', 'Anthropic', 'Mistral AI', 'Lumenfold', 'Quillstone Labs', 'Parallax Robotics', 'Halyard Labs', 'Mosaic Forge', 'Corvid Dynamics', 'Brightkeel AI', 'Ferrous Compute'];

function monthAfter(ctx: PlanContext, months: number): string {
  return MONTHS[(ctx.date.getUTCMonth() + months) % 12] ?? 'January';
}

function boss(ctx: PlanContext, avoid: string): string {
  const person = ctx.newPerson();
  const roles = BOSS_ROLES.filter((r) => r !== avoid);
  return `${person.name}, the company's ${ctx.rng.pick(roles)}`;
}

/** An executive leaves. */
export const DEPARTURE: EventKind = {
  id: 'departure',
  family: 'people',
  topics: ['AI Talent & Leadership'],
  subjects: ALL,
  plan(ctx) {
    const person = ctx.newPerson();
    const successor = ctx.newPerson();
    const role = ctx.rng.pick(ROLES);
    const years = ctx.rng.int(2, 11);
    return {
      slots: {
        person: person.name,
        surname: person.surname,
        role,
        years: String(years),
        sinceYear: String(ctx.date.getUTCFullYear() - years),
        successor: successor.name,
        successorRole: ctx.rng.pick(['deputy to the outgoing executive', 'head of the company\'s European business', 'a vice president in the same group', 'the company\'s head of strategy']),
        reportsTo: boss(ctx, role),
        endMonth: monthAfter(ctx, ctx.rng.int(1, 2)),
        nextMove: ctx.rng.pick(['to start a new company', 'to take time off', 'for a role that has not been announced', 'after a planned transition']),
        legacy: ctx.rng.pick(['the team behind its business AI products', 'the expansion of its data-centre footprint', 'its research partnerships with universities', 'a period of rapid hiring', 'the launch of its developer platform']),
        speaker: person.name,
        speakerRole: role,
      },
      companies: [],
      moves: [{ person: person.name, role, organization: ctx.subject.name, change: 'leaves' }],
      startsArc: { person, role, company: ctx.subject, date: ctx.date },
    };
  },
  headlines: [
    "{company}'s {role} {person} to step down",
    '{person}, {company} {role}, is leaving',
    '{company} loses its {role} after {years} years',
    'Leadership change at {company} as {role} {person} departs',
    '{person} exits {company}; {successor} to take over',
    '{company} {role} {person} plans to leave {nextMove}',
  ],
  ledes: [
    '{person}, the company\'s {role}, is stepping down after {years} years, {company} said on {weekday}.',
    '{company} said on {weekday} that {person}, its {role}, will leave the company {nextMove}.',
    '{person} is leaving {company}, where {surname} has served as {role} since {sinceYear}.',
    "{company}'s {role}, {person}, will depart at the end of {endMonth}, according to an internal memo seen by {provider}.",
    '{companyAlt} is losing its {role}: {person} has told colleagues of plans to leave {nextMove}.',
    '{person} plans to step down as {role} of {company}, ending a {years}-year run at the company.',
  ],
  details: [
    '{successor}, currently {successorRole}, will take over the role, the company said.',
    '{surname} joined {company} in {sinceYear} and oversaw {legacy}.',
    'The company did not give a reason for the [departure|move|decision].',
    '{surname} will stay on as an adviser through {endMonth} to help with the handover.',
    'The move follows a string of senior departures across the industry, as rival [labs|companies] compete for a small pool of experienced leaders.',
    '{surname} reported to {reportsTo}, who praised the outgoing executive for building {legacy}.',
    'People familiar with the matter said {surname} had been weighing the decision for several months.',
    '{successor} will take on the job on an interim basis while {company} looks for a permanent replacement.',
  ],
  quotes: [
    'It has been a privilege to build this team, and I leave it in strong hands',
    'After {years} years, it is the right moment for someone new to take this forward',
    'I am proud of what we shipped and excited about what I will do next',
  ],
  outlook: [
    '{company} said the search for a permanent successor was under way.',
    '{surname} has not said publicly what comes next.',
    'Recruiters expect other companies to move quickly to approach {surname}.',
  ],
  background: [
    'Executive turnover at AI companies has been [high|unusually high], as startups and large firms compete for leaders with experience of scaling products.',
    'Senior departures often come with [long|extended] handover periods, in part to reassure customers and investors.',
    'Leaders who leave large labs frequently start their own companies, often raising [large sums|money] quickly.',
    'Non-compete agreements are [largely unenforceable|rarely enforceable] in California, which makes moves between rivals common.',
  ],
  announcement: 'a leadership transition in the role of {role}',
};

/** An executive is hired or promoted; completes an open arc when one fits. */
export const APPOINTMENT: EventKind = {
  id: 'appointment',
  family: 'people',
  topics: ['AI Talent & Leadership'],
  subjects: ALL,
  plan(ctx) {
    const arc = ctx.openArc;
    const person = arc?.person ?? ctx.newPerson();
    const from = arc?.company ?? ctx.otherCompany(ALL);
    const fromRole = arc?.role ?? ctx.rng.pick(ROLES);
    const role = ctx.rng.pick(ROLES.filter((r) => r !== fromRole));
    const area = ctx.rng.pick(['its model-training operation', 'sales of its AI products to large businesses', 'the teams building its AI assistant', 'its chip and data-centre programme', 'its policy and government-relations work', 'its research labs in Europe']);
    return {
      slots: {
        person: person.name,
        surname: person.surname,
        role,
        fromCompany: from.name,
        fromRole,
        predecessor: ctx.newPerson().name,
        reportsTo: boss(ctx, role),
        startMonth: monthAfter(ctx, ctx.rng.int(0, 2)),
        area,
        tenure: ctx.rng.pick(['nearly a decade', 'several years', 'five years', 'more than three years']),
        speaker: person.name,
        speakerRole: role,
      },
      companies: [from],
      moves: [{ person: person.name, role, organization: ctx.subject.name, change: 'joins', from: from.name }],
      closesArc: arc !== undefined,
    };
  },
  headlines: [
    '{company} names {person} {role}',
    "{company} hires {fromCompany}'s {person} as {role}",
    '{person} joins {company} as {role}',
    '{company} taps former {fromCompany} executive {person} to lead {area}',
    '{person} leaves {fromCompany} for top job at {company}',
  ],
  ledes: [
    '{company} has turned to {fromCompany} for its new {role}, hiring {person} for the job.',
    '{person} has been named {role} at {company}, the company said on {weekday}.',
    '{company} has hired {person}, previously {fromRole} at {fromCompany}, to serve as its {role}.',
    '{person} is joining {company} as {role}, moving over from {fromCompany}.',
    '{companyAlt} has appointed {person} as {role}, effective {startMonth}.',
    '{company} said {person} will become its {role}, filling a post left open when {predecessor} departed earlier this year.',
  ],
  details: [
    '{surname} joins from {fromCompany}, where the executive most recently served as {fromRole}.',
    'At {company}, {surname} will oversee {area} and report to {reportsTo}.',
    '{surname} succeeds {predecessor}, who [left in the spring|stepped down earlier this year|moved into an advisory role].',
    'The hire is the latest in a series of senior appointments as {company} [builds out|strengthens] its AI leadership.',
    '{surname} spent {tenure} at {fromCompany}[| and, before that, worked in academic research].',
    'Recruiters said pay packages for executives with experience like {surname}\'s have risen sharply over the past two years.',
    '{surname} starts in {startMonth}[| and will be based in {city}].',
  ],
  quotes: [
    'I have admired this team for years, and the chance to help shape what comes next was impossible to turn down',
    'The opportunity here is enormous, and so is the responsibility',
    'My first job is to listen to customers and to the people already doing the work',
  ],
  outlook: [
    '{fromCompany} has not yet named a replacement for {surname}.',
    '{company} is expected to announce further changes to its leadership team in the coming months.',
    'Analysts said the appointment signals how much weight {company} is putting on {area}.',
  ],
  background: [
    'Competition for experienced AI executives has pushed pay packages to levels once reserved for [chief executives|the very top of the company].',
    'Companies have been adding leaders with backgrounds in [sales and operations|finance and operations] as AI products move from research into everyday business use.',
    'Moves between rival labs have become common, with some executives changing employers [several times in a few years|more than once in two years].',
    'Boards and investors watch senior hires [closely|carefully] as a signal of where a company plans to focus next.',
  ],
  announcement: 'the appointment of {person} as {role}',
};
