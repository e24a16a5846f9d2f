/**
 * Sentence templates shared by every kind of event: attribution of quotes, industry context,
 * analysts' reactions, outlook, the opinion-column asides and press-release furniture. All
 * written for this corpus; `[a|b]` picks one alternative, `{slot}` is filled from the event.
 */

/** Wraps a kind's quote content (`{quote}`) with a speaker. */
export const ATTRIBUTIONS = [
  '"{quote}," {speaker}, {speakerRole} at {company}, said [in a statement|in an interview|on a call with reporters].',
  '{speaker}, {speakerRole} at {company}, said: "{quote}."',
  '"{quote}," said {speaker}, who is {speakerRole} at {company}.',
  'In a [blog post|short statement|note to customers], {speaker}, {company}\'s {speakerRole}, wrote: "{quote}."',
  '"{quote}," {speaker}, {speakerRole} at {company}, told {provider}.',
] as const;

/** Industry background for product and business events. */
const MARKET_CONTEXT = [
  '{company} has spent much of the past [year|two years] trying to show [investors|customers|analysts] that its [AI spending|heavy investment in AI] will pay off.',
  'The [announcement|news|step] comes as the [largest|best-funded] AI developers [race|scramble] to turn their models into products that [businesses|companies] will pay for.',
  'Competition for [enterprise|corporate] customers has [sharpened|intensified] in recent months, with vendors [trying|hoping] to lock in contracts before [next year\'s budgets are set|procurement cycles close].',
  '{companyAlt} has not [said|disclosed] how much of its revenue comes from AI, though executives have described demand as [strong|better than expected|unusually broad].',
  '[Spending|Capital spending] on AI infrastructure across the industry has kept [climbing|rising], and few [companies|large buyers] have shown any appetite for slowing down.',
  'For {company}, the [move|decision] fits a broader [effort|push] to make its AI work [visible|useful] to ordinary [users|customers] rather than only to developers.',
  '[Several|A number of] large customers have said they want more than one supplier of models, which has pushed vendors to compete on [price and reliability|price, speed and support].',
  'The timing is [notable|telling|no accident]: the sector is still debating whether the current pace of [investment|spending] can last.',
  'Over the past [year|eighteen months|two years], the gap between the leading labs and [everyone else|smaller rivals] has narrowed on many [everyday|routine] tasks.',
  'Much of the industry\'s attention this [quarter|season|year] has been on agents, systems that carry out multi-step tasks with [little|limited] supervision.',
  '[Costs remain|Cost remains] the sticking point for many buyers, who say pilot projects are easy to start and hard to justify [at scale|once usage grows].',
  'People who follow {company} closely say the [decision|move] had been discussed internally for [months|much of the year].',
  'The [episode|announcement] is a reminder of how quickly priorities in the AI business [can shift|have been shifting].',
] as const;

/** What outside observers said about product and business events. `{analyst}` and `{firm}` are fictional. */
const MARKET_REACTIONS = [
  '{analyst}, an analyst at {firm}, called the [move|decision|announcement] "[largely expected|a sign of where the market is heading|more significant than it looks at first glance|a sensible, if unsurprising, step]."',
  '"This is about [distribution|reach|customers] as much as technology," said {analyst} of {firm}, who [follows|covers] the sector.',
  '[Not everyone was convinced|Some were sceptical]: {analyst} of {firm} said [customers|buyers] would want to see independent results before committing.',
  '{firm}, a research firm, wrote in a note to clients that the [news|development] would [put pressure on rivals|take several quarters to show up in the numbers|matter most for mid-sized customers].',
  'Analysts [broadly welcomed|gave a cautious welcome to] the [news|step], though several noted that details on [pricing and timing|costs and schedules] were thin.',
  '"The question is execution," {analyst}, who covers AI companies at {firm}, said[|, adding that the company had a mixed record of delivering on time].',
  '{analyst} at {firm} estimated that the [effect|impact] on {company}\'s finances would be [modest in the near term|small this year but larger later].',
  '{firm} said in a [research note|client note] that it was keeping its forecasts for {company} unchanged[| for now].',
] as const;

/** Background for rules, courts, safety and research. */
const RULES_CONTEXT = [
  'Regulators [on both sides of the Atlantic|in Europe and the US|in several countries] have been paying closer attention to how a handful of companies shape the market.',
  '[Public debate|The public conversation] about AI has shifted [over the past year|in recent months] from what the technology can do to who is [accountable|responsible] when it fails.',
  'Courts, regulators and standards bodies are all [working on|drafting] parts of the rulebook at once, which [critics|companies] say makes it hard to plan.',
  'For {companyAlt}, [getting ahead of the rules|showing good faith to officials] has become part of [selling to large customers|its public pitch].',
  'Lawmakers have struggled to keep up with the [pace|speed] of releases, and many proposals are [out of date|overtaken by events] by the time they are debated.',
  'Trust has become a selling point: [large buyers|procurement teams] increasingly ask vendors for [evidence of testing and documentation|test results and audit trails].',
  'The [question|issue] touches {company} directly, since its products are used by [millions of people|a large share of businesses in the sector].',
  'Researchers and officials have [called for|asked for] common standards so that claims made by different [companies|developers] can be [compared|checked against each other].',
  'Universities and independent labs say they need more access to [frontier models|the largest systems] to study them [properly|in depth].',
] as const;

/** Background for people moves. */
const PEOPLE_CONTEXT = [
  '{company} has [reshuffled|reorganised] parts of its leadership [over the past year|in recent months] as AI becomes central to its plans.',
  'The [change|move] comes at a busy time for {company}, which is [expanding its AI products|hiring across its AI teams|under pressure to show returns on AI].',
  'Leadership teams [across the industry|at AI companies|throughout the sector] have [turned over|changed] quickly, as [companies reorganise around AI products|AI reshapes how companies are run].',
  '[Headhunters|Executive recruiters] say demand is highest for [executives|leaders] who have [run large engineering teams|taken AI products to market|managed big infrastructure budgets].',
  'People who have worked with {surname} describe [a hands-on manager|a demanding but well-liked leader|an executive known for shipping on schedule].',
] as const;

/** Reactions to rules, courts, safety and research. */
const RULES_REACTIONS = [
  '{analyst}, an analyst at {firm}, said the [step|development] was "[overdue|a useful start|likely to be copied elsewhere]."',
  '{firm} wrote in a note that the [practical effect|near-term impact] on large AI companies would be [limited|manageable], but that compliance costs would rise.',
  '"The details will matter more than the headline," said {analyst} of {firm}[|, who tracks technology policy].',
  '[Lawyers|Policy experts] contacted by {provider} said [much would depend on enforcement|it was too early to judge the effect].',
] as const;

/** Reactions to people moves. */
const PEOPLE_REACTIONS = [
  '{analyst}, an analyst at {firm}, called the [move|change] "[largely expected|a notable change|a sign of the times in the AI labour market]."',
  '"Talent is the scarcest input in this industry," said {analyst} of {firm}[|, who follows the sector].',
  '{firm} said in a [client note|research note] that it did not expect the change to alter {company}\'s [strategy|plans] in the near term.',
] as const;

/** Background for chips, data centres and robots. */
const PHYSICAL_CONTEXT = [
  '{company} has [spent heavily|invested billions] on physical infrastructure [over the past two years|since the AI boom began], and investors are watching [returns|margins] closely.',
  'Supply chains for [advanced hardware|specialised components] remain [stretched|tight], and delivery schedules often slip.',
  'The [announcement|project] is part of a broader shift of AI spending from software toward [factories, chips and power|physical assets].',
  'Energy prices and [grid capacity|access to power] have become as important as technology in deciding where AI projects go.',
  'Manufacturing capacity for the most advanced parts is concentrated in a [handful of|few] places, which worries [customers|governments].',
  '[Capital spending|Investment] on AI infrastructure across the industry has kept [climbing|rising], and few companies have shown any appetite for slowing down.',
  'Local [politics|planning rules] increasingly shape where hardware projects can go, as communities weigh jobs against [noise, water and power|the strain on services].',
] as const;

/** Background for research results. */
const SCIENCE_CONTEXT = [
  'The [paper|work] arrives during a [busy|crowded] stretch for AI research, with [several|a number of] labs publishing on similar problems.',
  '{company} has [increased|stepped up] the pace of its publications [over the past year|recently], after a period in which it shared less.',
  'Industry labs have [become more guarded|grown more cautious] about what they publish, which makes detailed papers like this one [stand out|more notable].',
  'Much of the [field|research community] has turned its attention to making models cheaper to train and run, rather than simply larger.',
  'Results like these often take months to be tested by other groups, and some do not hold up.',
] as const;

/** Reactions to research results. */
const SCIENCE_REACTIONS = [
  'Researchers at other labs [greeted the paper with interest|were cautiously positive], though several [asked for|called for] larger-scale tests.',
  '"It is a [neat|clever] idea, and the code being public helps," said {analyst} of {firm}, who follows AI research.',
  '{firm} said in a note that the [technique|result] could lower costs for customers if it [holds up|survives replication].',
] as const;

/** Industry background, by kind family. */
export const CONTEXT = { market: [...MARKET_CONTEXT, RULES_CONTEXT[0]], physical: PHYSICAL_CONTEXT, rules: RULES_CONTEXT, science: SCIENCE_CONTEXT, people: PEOPLE_CONTEXT } as const;
/** What outside observers said, by kind family. */
export const REACTIONS = { market: MARKET_REACTIONS, physical: MARKET_REACTIONS, rules: RULES_REACTIONS, science: SCIENCE_REACTIONS, people: PEOPLE_REACTIONS } as const;

/** Closing lines that fit most events. */
export const OUTLOOK = [
  'A spokesperson for {company} declined to comment beyond the [announcement|statement|company\'s blog post].',
  'The company did not say when it expects the effort to [turn a profit|pay off|be complete].',
  '[Industry watchers|Investors|Customers] will be looking for [signs of|evidence of] real uptake over the next [two quarters|few months|year].',
  '[More announcements are|Further news is] expected before the end of the year, according to people familiar with {company}\'s plans.',
  '{company} is due to discuss [the topic|its AI plans] with investors [at its next earnings call|at an event later this quarter].',
] as const;

/** Asides for `opinion` and `blog` items. */
export const ANALYSIS = [
  'The bigger question is whether any of this changes what [customers|people] actually [buy|do] on a Monday morning.',
  'It is easy to be [cynical|dismissive] about announcements like this one, but the direction of travel is hard to ignore.',
  'Strip away the marketing and what remains is a [sensible|modest|bold] bet on [price|scale|trust].',
  'I would be more impressed if {company} had published the numbers that matter most: [cost per task and error rates|how often the system gets things wrong].',
  'Seen from a distance, this is one more sign that AI is settling into the [boring, profitable|grinding, practical] phase of a technology cycle.',
  'There is a pattern here worth naming: the biggest players keep buying time while smaller rivals keep taking risks.',
  'For readers who build on these systems, the practical advice is the same as always: [test on your own data first|measure before you migrate].',
  'What stands out is how little of this would have seemed plausible [three|five] years ago.',
] as const;

/** Filler background used when an article is still short; kinds add their own. */
export const BACKGROUND = [
  '[Large language models|The models behind these products] learn statistical patterns from [vast amounts|enormous quantities] of text and code[|, then are tuned with human feedback].',
  '[Training|Building] a [frontier|leading-edge] model now [requires|takes] [tens of thousands of|huge numbers of] specialised chips running for [weeks|months], which keeps the field concentrated among a few [well-funded|deep-pocketed] players.',
  'Businesses have moved from experimenting with chatbots to wiring models into [everyday tools|routine software] such as [spreadsheets, ticketing systems and code editors|email, CRM systems and document stores].',
  'Open-weight models, whose parameters can be downloaded and run [locally|on a company\'s own servers], have given smaller companies an alternative to paying per query.',
  'Energy use has become a recurring theme, with [utilities|grid operators] in several regions warning about the strain from new data centres.',
  'Hiring for machine-learning roles remains [tight|competitive], and [compensation|pay] for senior researchers has risen sharply.',
  'Benchmarks, the standard tests used to compare models, are [widely criticised|often criticised] as easy to game and slow to reflect real-world use.',
  'Venture investors [poured record sums|put unprecedented amounts] into AI startups over the past [two years|few years], although deal sizes vary widely.',
] as const;

/** Press-release closings ("About X" boilerplate) and media contact lines. */
export const PRESS_ABOUT = [
  'About {company}: {company} builds {area}. Founded in {foundedYear} and based in {city}, the company works with customers in more than {countries} countries.',
  'About {company}: Headquartered in {city}, {company} develops {area}. The company was founded in {foundedYear}.',
] as const;

/** Credit lines that syndicating sites add to a wire story. */
export const SYNDICATION_CREDITS = [
  'This story was originally published by {wire} and is republished with permission.',
  'Distributed by {wire}.',
  '(Reporting by {wire} staff; edited for {provider}.)',
] as const;
