import { INVESTORS } from './catalog.js';
import type { EventKind } from './types.js';

/** Business events: funding rounds, acquisitions and partnerships. Every fact is invented. */

const STARTUPS = ['Lumenfold', 'Quillstone Labs', 'Parallax Robotics', 'Ferrous Compute', 'Brightkeel AI', 'Tessellate Systems', 'Corvid Dynamics', 'Halyard Labs', 'Mosaic Forge', 'Kestrel Machines', 'Orrery AI', 'Sable Silicon', 'Ninefold Data', 'Copperleaf Voice', 'Starling Code'];
const STRATEGIC = ['Nvidia', 'Microsoft', 'Google', 'Amazon', 'Apple', 'Meta'];

/** A startup raises money. */
export const FUNDING: EventKind = {
  id: 'funding',
  family: 'market',
  topics: ['AI Business & Funding'],
  subjects: STARTUPS,
  plan(ctx) {
    const founder = ctx.newPerson();
    const strategic = ctx.rng.chance(0.45) ? ctx.otherCompany(STRATEGIC) : undefined;
    const [lead, co] = ctx.rng.shuffle(INVESTORS);
    return {
      slots: {
        amount: `$${ctx.rng.pick(['45', '80', '120', '180', '250', '400', '650'])} million`,
        round: ctx.rng.pick(['Series A', 'Series B', 'Series C', 'seed', 'growth']),
        valuation: `$${ctx.rng.pick(['600 million', '1.1 billion', '2 billion', '3.5 billion', '5 billion'])}`,
        lead: lead ?? '',
        coInvestors: strategic ? `${co ?? ''} and ${strategic.name}` : `${co ?? ''} and several angel investors`,
        founder: founder.name,
        founderSurname: founder.surname,
        founderPast: ctx.rng.pick(['a former research lead at a large cloud company', 'a veteran of two earlier startups', 'a former professor of computer science', 'an engineer who helped build a widely used open-source library']),
        area: ctx.subject.area ?? 'AI software',
        headcount: String(ctx.rng.pick([25, 40, 60, 90, 150])),
        useOfFunds: ctx.rng.pick(['hiring engineers and expanding into Europe', 'buying computing capacity', 'building a sales team in North America', 'opening an office in Asia', 'doubling its research staff']),
        speaker: founder.name,
        speakerRole: ctx.rng.pick(['co-founder and chief executive', 'chief executive', 'founder']),
      },
      companies: strategic ? [strategic] : [],
      moves: [],
    };
  },
  headlines: [
    '{company} raises {amount} to build {area}',
    '{company} lands {amount} {round} round led by {lead}',
    'AI startup {company} valued at {valuation} after new funding',
    '{lead} leads {amount} bet on {company}',
    'Investors back {company} with {amount} as interest in {area} grows',
  ],
  ledes: [
    '{company} has secured {amount} from investors led by {lead} to expand its work on {area}.',
    '{company}, a {city} startup that makes {area}, has raised {amount} in a {round} round led by {lead}.',
    '{companyAlt} {company} said on {weekday} it had raised {amount}, valuing the company at about {valuation}.',
    'Investors have put {amount} into {company}, betting that demand for {area} will keep growing.',
    '{company} has closed a {round} round of {amount}, with {lead} [leading|as the lead investor].',
    'A new funding round values {company}, which builds {area}, at roughly {valuation}, people familiar with the deal said.',
  ],
  details: [
    '{coInvestors} also joined the round, according to the company.',
    'The company was founded by {founder}, {founderPast}, and now employs about {headcount} people.',
    '{company} plans to use the money for {useOfFunds}.',
    'The round values the company at about {valuation}, [including the new money|according to a person briefed on the terms].',
    'Revenue has grown several times over in the past year, {founderSurname} said, without giving figures.',
    'Customers include [a mix of large enterprises and fast-growing startups|several well-known companies in its home market|organisations in North America and Europe], the company said.',
    'The deal is one of the larger rounds this year for a company focused on {area}.',
  ],
  quotes: [
    'We have more demand than we can serve, and this round lets us catch up',
    'The models are finally good enough; the hard part now is fitting them into real workflows',
    'We wanted investors who understand that this is a long game',
  ],
  outlook: [
    '{company} said it expects to raise again within eighteen months if growth continues.',
    'Competition in {area} is heating up, with several larger companies offering similar tools.',
    '{founderSurname} said the company has no plans to sell and is focused on building a lasting business.',
  ],
  background: [
    'AI startups have accounted for a [large|growing] share of venture funding, even as deals in other sectors have slowed.',
    'Investors have [become|grown] more selective, favouring companies with paying customers over those with only a research demo.',
    'Large technology companies have become frequent investors in startups that also buy their [cloud services|computing capacity].',
    'Valuations for [companies|startups] building on top of foundation models vary widely, depending on how easily their product could be [copied|replicated by a larger rival].',
  ],
  announcement: 'a {amount} {round} financing led by {lead}',
};

/** A company buys a startup. */
export const ACQUISITION: EventKind = {
  id: 'acquisition',
  family: 'market',
  topics: ['AI Business & Funding'],
  subjects: ['Microsoft', 'Nvidia', 'Apple', 'Meta', 'Amazon', 'Google', 'OpenAI', 'Anthropic', 'Lumenfold', 'Halyard Labs'],
  plan(ctx) {
    const target = ctx.otherCompany(STARTUPS);
    const founder = ctx.newPerson();
    return {
      slots: {
        target: target.name,
        targetArea: target.area ?? 'AI software',
        targetCity: target.city,
        price: ctx.rng.pick(['about $300 million', 'roughly $1.2 billion', 'an undisclosed sum', 'about $750 million', 'more than $2 billion']),
        targetStaff: String(ctx.rng.pick([30, 55, 80, 140, 220])),
        targetFounder: founder.name,
        targetFounderSurname: founder.surname,
        closeWindow: ctx.rng.pick(['within three months', 'by the end of the quarter', 'early next year', 'later this year']),
        speaker: founder.name,
        speakerRole: 'co-founder of ' + target.name + ' and now an executive',
      },
      companies: [target],
      moves: [],
    };
  },
  headlines: [
    '{company} to buy {target} for {price}',
    '{company} acquires {target} to strengthen its work on {targetArea}',
    '{company} snaps up {target}, a startup focused on {targetArea}',
    'Why {company} bought {target}',
    '{target} agrees to sell itself to {company}',
  ],
  ledes: [
    '{company} is buying {target} in a deal that [brings|adds] a team of about {targetStaff} to its AI efforts.',
    '{target}, a startup with about {targetStaff} employees, has agreed to be acquired by {companyAlt} for {price}.',
    '{company} has agreed to buy {target}, a {targetCity} startup that makes {targetArea}, for {price}.',
    '{companyAlt} said on {weekday} it would acquire {target}, adding a team of about {targetStaff} people who work on {targetArea}.',
    '{target}, which builds {targetArea}, is being acquired by {company} in a deal valued at {price}, the companies said.',
    'In its latest AI deal, {company} is buying {target} for {price} to bring expertise in {targetArea} in-house.',
  ],
  details: [
    'The deal is expected to close {closeWindow}, subject to regulatory approval.',
    "{target}'s roughly {targetStaff} employees will join {company}, and its co-founder {targetFounder} will lead the group.",
    'Existing customers of {target} will keep their contracts, the companies said.',
    '{target} had raised money from several venture firms and was last valued privately at a lower figure, according to people familiar with its finances.',
    'The acquisition gives {company} technology it had been trying to build on its own, one person involved in the talks said.',
    'Competition authorities have been examining acquisitions of small AI companies by larger ones [more closely|with growing interest].',
  ],
  quotes: [
    'Joining a larger company lets us reach customers we could never have reached alone',
    'We have admired this team for a long time, and their work fits exactly where we are heading',
    'Our product stays, our team stays, and now we have far more resources behind us',
  ],
  outlook: [
    '{company} has made several smaller AI acquisitions this year and is expected to keep shopping.',
    'Regulators could still take a closer look at the deal, lawyers said.',
    '{targetFounderSurname} said the product would keep its name for now.',
  ],
  background: [
    'Large technology companies have been buying small AI teams, [sometimes|often] structuring deals as licensing agreements plus hiring.',
    'Competition authorities have [signalled|said] that they will look closely at acquisitions of promising AI startups by dominant firms.',
    'For many startups, an acquisition offers access to [computing power and customers|distribution and computing power] that would be expensive to secure alone.',
    'Deal activity in the sector picked up [this year|over the past year] after a slower period.',
  ],
  announcement: 'a definitive agreement to acquire {target}',
};

/** Two companies sign a deal. */
export const PARTNERSHIP: EventKind = {
  id: 'partnership',
  family: 'market',
  topics: ['AI Business & Funding', 'Generative AI'],
  subjects: ['Microsoft', 'Amazon Web Services', 'Google', 'Apple', 'Nvidia', 'Meta', 'Mistral AI', 'Anthropic', 'OpenAI'],
  plan(ctx) {
    const partner = ctx.otherCompany(['OpenAI', 'Anthropic', 'Mistral AI', 'Nvidia', 'Microsoft', 'Google', 'Apple', 'Meta', 'Amazon Web Services', 'Copperleaf Voice', 'Halyard Labs']);
    return {
      slots: {
        partner: partner.name,
        deal: ctx.rng.pick(['a multiyear cloud agreement', 'a licensing deal', 'a joint research agreement', 'a distribution partnership', 'a deal to bundle models into business software']),
        value: ctx.rng.pick(['several billion dollars over five years', 'an undisclosed amount', 'about $500 million a year', 'more than $1 billion']),
        scope: ctx.rng.pick([
          "making the partner's models available to cloud customers",
          'supplying computing capacity for model training',
          'building AI features into productivity software',
          'co-developing models for regulated industries',
          'offering voice features in dozens of languages',
        ]),
        duration: ctx.rng.pick(['three years', 'five years', 'seven years']),
      },
      companies: [partner],
      moves: [],
    };
  },
  headlines: [
    '{company} and {partner} sign {deal}',
    '{company} strikes deal with {partner} worth {value}',
    '{partner} deepens ties with {company}',
    '{company}, {partner} team up on {scope}',
    'What the {company}-{partner} deal means for customers',
  ],
  ledes: [
    '{company} has struck {deal} with {partner} covering {scope}.',
    'A new agreement between {company} and {partner}, worth {value}, will see the two work together on {scope}.',
    '{company} and {partner} have signed {deal} worth {value}, the companies said on {weekday}.',
    '{companyAlt} is teaming up with {partner} on {scope}, under an agreement that runs for {duration}.',
    '{partner} will work with {company} on {scope}, in {deal} that the companies valued at {value}.',
    'In a sign of how tangled the AI industry has become, {company} and {partner} have agreed to cooperate on {scope}.',
  ],
  details: [
    'The agreement runs for {duration} and can be extended, according to a person familiar with the terms.',
    'The partnership is not exclusive; both companies [continue to|will still] work with rivals.',
    'Customers will be able to use the joint offering from [next month|the start of next quarter|later this year].',
    'Financial details were only partly disclosed; the companies put the value at {value}.',
    'The two companies have competed in some markets, which makes the tie-up [unusual|notable].',
    'Under the deal, engineers from both companies will sit on a joint team focused on {scope}.',
  ],
  quotes: [
    'No single company will build everything customers need, and this partnership reflects that',
    'Our customers asked for choice, and this gives them more of it',
    'We have been working together informally for months; now it is official',
  ],
  outlook: [
    'Competition regulators have been watching partnerships between large AI companies closely and could ask questions.',
    'Both companies said they expect to announce joint customers in the coming months.',
    'The agreement could be expanded if early results are good, the companies said.',
  ],
  background: [
    'Alliances between AI developers and cloud providers have become a defining feature of the industry, often combining investment with computing credits.',
    'Many partnerships in the sector are non-exclusive, allowing companies to hedge their bets across [several|multiple] suppliers.',
    'Customers have pushed vendors to make models available inside the [software and clouds|tools and platforms] they already use.',
    'Such agreements can blur the line between partner and [competitor|rival], as companies cooperate in one market and compete in another.',
  ],
  announcement: '{deal} with {partner} covering {scope}',
};
