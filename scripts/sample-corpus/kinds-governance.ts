import type { EventKind } from './types.js';

/** Rules, courts, safety and research. Every fact is invented; lawsuits only name fictional companies. */

const LABS = ['Meta', 'Google', 'Google DeepMind', 'OpenAI', 'Microsoft', 'Amazon', 'Apple', 'Anthropic', 'Mistral AI', 'Nvidia'];

/** A regulator or legislature acts; a named company reacts. */
export const POLICY: EventKind = {
  id: 'policy',
  family: 'rules',
  topics: ['AI Policy & Regulation'],
  subjects: LABS,
  plan(ctx) {
    return {
      slots: {
        regulator: ctx.rng.pick(['European Union officials', 'a US Senate committee', "Britain's competition regulator", 'California lawmakers', "Japan's digital ministry", 'a group of state attorneys general', "Canada's privacy regulator", 'the G7 digital ministers']),
        rule: ctx.rng.pick([
          'a code of practice for developers of general-purpose models',
          'disclosure rules for AI-generated political advertising',
          'draft guidance on how companies must label synthetic images',
          'a proposal requiring safety testing before large models are released',
          'new reporting requirements for incidents involving AI systems',
          'rules on how personal data may be used to train models',
        ]),
        deadline: ctx.rng.pick(['within twelve months', 'by the middle of next year', 'in stages over two years', 'from next January']),
        penalty: ctx.rng.pick(['fines of up to 3 percent of global revenue', 'fines of up to 6 percent of annual turnover', 'fines set per violation', 'exclusion from public contracts']),
        affected: ctx.rng.pick(['developers of the largest models', 'any company deploying chatbots to consumers', 'companies that sell AI tools to schools and hospitals', 'platforms that host AI-generated content']),
        critic: ctx.rng.pick(['a digital-rights group', 'a coalition of startups', 'an industry trade association', 'consumer advocates']),
      },
      companies: [],
      moves: [],
    };
  },
  headlines: [
    'New AI rules from {regulator} target {affected}',
    'New AI rules would hit {affected}',
    '{company} responds as {regulator} unveil {rule}',
    'What {rule} could mean for {company}',
    'AI companies face {penalty} under new proposal',
  ],
  ledes: [
    'New requirements unveiled by {regulator} would force {affected} to change how they operate, and could [affect|reach] companies such as {company}.',
    '{company} is among the companies that would be covered by {rule}, set out on {weekday} by {regulator}.',
    '{regulator} on {weekday} set out {rule}, a step that would affect {affected}, including {company}.',
    'Companies such as {company} would have to change how they release AI products under {rule} put forward this week by {regulator}.',
    '{rule} from {regulator} would apply to {affected} and carry {penalty}.',
    'After months of consultation, {regulator} published {rule}, drawing a cautious response from {company}.',
  ],
  details: [
    'The requirements would take effect {deadline}, giving companies time to adjust.',
    'Breaches could lead to {penalty}, according to the draft.',
    '{company} said it supported the goals of the proposal but warned that some details were unworkable.',
    'The text leaves open how [smaller companies and open-source projects|startups and open-source developers] would be treated, a point of contention during the consultation.',
    '{critic} said the rules did not go far enough and urged officials to close [loopholes|gaps in the text].',
    'Officials said they would publish a separate [guide|set of guidelines] explaining how the rules apply in practice.',
    'Lobbying on the measure has been [intense|heavy], with several large technology companies meeting officials in recent weeks.',
  ],
  quotes: [
    'We share the goal of safe and trustworthy AI and will keep working with officials on the details',
    'Clear rules help everyone, but they need to be rules companies can actually follow',
    'We have already built many of these checks into how we release products',
  ],
  outlook: [
    'The proposal still needs formal approval, and further changes are likely.',
    'Other governments are watching closely and may adopt similar measures.',
    'Companies have until the end of the consultation period to submit comments.',
  ],
  background: [
    'Governments have taken [different|divergent] approaches to AI oversight, from broad horizontal laws to narrower rules for specific uses.',
    'Industry groups have argued that overlapping rules across jurisdictions raise costs, especially for [smaller companies|startups].',
    '[Civil-society groups|Advocacy groups] have pressed for stronger transparency requirements, including disclosure of training data sources.',
    'Enforcement capacity is a recurring concern, as regulators try to hire technical staff in a [competitive|tight] job market.',
    'Voluntary commitments made by large developers in earlier years are [increasingly|gradually] being turned into formal requirements.',
  ],
  announcement: 'its response to {rule}',
};

/** A fictional company is sued. */
export const LAWSUIT: EventKind = {
  id: 'lawsuit',
  family: 'rules',
  topics: ['AI Policy & Regulation', 'Generative AI'],
  subjects: ['Mosaic Forge', 'Lumenfold', 'Copperleaf Voice', 'Starling Code', 'Ninefold Data', 'Quillstone Labs'],
  plan(ctx) {
    return {
      slots: {
        plaintiff: ctx.rng.pick(['a group of regional newspaper publishers', 'an association of illustrators', 'several independent musicians', 'a stock-photo agency', 'a coalition of textbook authors', 'a union representing voice actors']),
        claim: ctx.rng.pick(['used their work to train its models without permission', 'reproduced copyrighted material in its outputs', 'ignored requests to exclude their content from training', 'imitated the voices of performers without consent']),
        court: ctx.rng.pick(['a federal court in San Francisco', 'a district court in New York', 'the High Court in London', 'a regional court in Hamburg']),
        damages: ctx.rng.pick(['unspecified damages', 'damages of at least $50 million', 'an injunction and damages', 'a share of licensing revenue']),
        caseCount: String(ctx.rng.int(3, 12)),
      },
      companies: [],
      moves: [],
    };
  },
  headlines: [
    '{company} sued by {plaintiff} over training data',
    '{company} taken to court by {plaintiff}',
    'Lawsuit says {company} {claim}',
    '{company} faces copyright claim in {court}',
  ],
  ledes: [
    '{company} must answer claims in {court} that it {claim}, after {plaintiff} filed suit.',
    'A new copyright complaint against {company}, brought by {plaintiff}, says the startup {claim}.',
    '{plaintiff} sued {company} on {weekday}, saying the startup {claim}.',
    'A lawsuit filed in {court} accuses {company} of having {claim}, the latest in a string of copyright cases against AI developers.',
    '{companyAlt} {company} is facing a legal challenge from {plaintiff} over claims that it {claim}.',
    '{company} has been hit with a lawsuit in {court}, with {plaintiff} seeking {damages}.',
  ],
  details: [
    'The complaint, filed in {court}, seeks {damages}.',
    '{company} said it believed its use of the material was lawful and that it would defend itself.',
    'The case joins at least {caseCount} similar suits pending against AI developers, lawyers tracking the cases said.',
    'The complaint says the plaintiffs found passages and images in the model\'s outputs that closely match their work.',
    'Legal experts said the outcome could turn on how courts view the copying done during training, an unsettled question.',
    'The company has previously said it respects opt-out requests from site owners.',
    'The plaintiffs said in a statement that their work had been taken [without permission or payment|without being asked or paid].',
  ],
  quotes: [
    'We are confident that our practices are lawful and we will defend them',
    'We respect the work of creators, and we have offered clear ways for them to opt out',
    'We will respond to these claims in court, where we expect to prevail',
  ],
  outlook: [
    'A first hearing is expected in the coming months.',
    'Licensing deals between AI companies and publishers have multiplied as litigation has grown.',
    'The company could seek to have the case dismissed at an early stage, lawyers said.',
  ],
  background: [
    'Dozens of copyright lawsuits have been filed against AI developers, and courts have so far reached [mixed|differing] conclusions.',
    'At the heart of many cases is whether copying material to train a model counts as fair use or requires [a licence|permission and payment].',
    'Some AI companies have signed licensing agreements with [publishers and image libraries|news organisations and archives], while others argue that none is needed.',
    'Rights holders say opt-out systems put the burden on creators rather than on the [companies|businesses] using their work.',
  ],
  announcement: 'its position on the lawsuit filed by {plaintiff}',
};

/** A safety framework, evaluation or programme. Neutral facts only. */
export const SAFETY: EventKind = {
  id: 'safety',
  family: 'rules',
  topics: ['AI Safety'],
  subjects: ['Anthropic', 'OpenAI', 'Google DeepMind', 'Meta', 'Microsoft', 'Mistral AI', 'Halyard Labs'],
  plan(ctx) {
    return {
      slots: {
        initiative: ctx.rng.pick(['an updated safety framework', 'the results of a large red-teaming exercise', 'a bug-bounty programme for model misuse', 'a set of published evaluations for its latest model', 'an agreement to give a government institute early access to new models']),
        riskArea: ctx.rng.pick(['cyber-attacks', 'biological threats', 'large-scale persuasion', 'autonomous replication', 'leaks of private data']),
        testers: String(ctx.rng.pick([40, 80, 120, 200])),
        threshold: ctx.rng.pick(['a set of capability thresholds', 'tiered risk levels', 'pass-or-fail gates before release', 'regular external audits']),
        finding: ctx.rng.pick(['the model refused most clearly harmful requests but could be tricked with long role-play prompts', 'safeguards held up in most tests, with a small number of failures now being fixed', 'the model offered little help beyond what is already available online', 'outside testers found several prompt-injection weaknesses in agent features']),
        institute: ctx.rng.pick(['a government AI safety institute', 'an independent testing lab', 'a university research group', 'a panel of outside experts']),
      },
      companies: [],
      moves: [],
    };
  },
  headlines: [
    '{company} publishes {initiative}',
    '{company} says tests found {finding}',
    '{company} sets out how it will handle risks from {riskArea}',
    'Inside {company}\'s new approach to AI safety',
  ],
  ledes: [
    '{company} says {finding}, in {initiative} published on {weekday}.',
    'A new document from {company} describes how it tests for risks such as {riskArea}, including {threshold}.',
    '{company} on {weekday} released {initiative}, setting out how it tests its models for risks such as {riskArea}.',
    '{companyAlt} has published {initiative}, saying {finding}.',
    'Outside testers working with {company} found that {finding}, according to {initiative} released this week.',
    '{company} is tightening the way it checks new models before release, introducing {threshold} focused on {riskArea}.',
  ],
  details: [
    'About {testers} people took part in the testing, including specialists in {riskArea}.',
    'The framework relies on {threshold}; a model that crosses one would need extra safeguards before launch.',
    'Results were reviewed by {institute}, the company said.',
    'Critics said voluntary commitments are no substitute for [independent oversight with legal force|binding rules].',
    'The company said it had fixed [several|a handful of] issues found during testing before the model reached customers.',
    'The document is [longer and more specific|more detailed] than earlier versions, researchers who read it said.',
  ],
  quotes: [
    'We want to be judged on what we measure and publish, not on what we promise',
    'Testing will never be perfect, but it has to be serious',
    'Publishing the failures matters as much as publishing the successes',
  ],
  outlook: [
    '{company} said it would update the framework at least once a year.',
    'Other labs are expected to publish comparable documents ahead of new rules.',
    'Safety researchers said they would watch whether the thresholds are applied consistently.',
  ],
  background: [
    '[Frontier labs|The leading AI developers] have published safety frameworks that describe which capabilities would trigger extra safeguards before release.',
    'Red-teaming, in which testers try to make a model misbehave, has become a standard step before [launches|major releases].',
    'Governments in several countries have set up [institutes|public bodies] to evaluate advanced models, often with early access agreed in advance.',
    'Researchers disagree about how much weight to put on current evaluations, which may miss risks that appear only at [larger scale|greater capability levels].',
    'Prompt injection, in which hidden instructions hijack an AI agent, has become one of the most discussed security problems [in the field|of the past year].',
  ],
  announcement: '{initiative}',
};

/** A research result. */
export const RESEARCH: EventKind = {
  id: 'research',
  family: 'science',
  topics: ['AI Research'],
  subjects: ['Google DeepMind', 'Meta', 'Microsoft', 'OpenAI', 'Anthropic', 'Apple', 'Nvidia', 'Mosaic Forge', 'Tessellate Systems'],
  plan(ctx) {
    return {
      slots: {
        finding: ctx.rng.pick([
          'a training method that cuts the computing needed by about a third',
          'a technique that lets small models check their own reasoning',
          'a way to spot when a model is guessing rather than recalling facts',
          'a compression scheme that shrinks models fourfold with little loss in accuracy',
          'a memory system that lets agents pick up long tasks where they left off',
          'evidence that synthetic training data can match human-written data on some tasks',
        ]),
        method: `${ctx.rng.pick(['Sparse', 'Echo', 'Relay', 'Anchor', 'Prism', 'Lattice'])}${ctx.rng.pick(['Tune', 'Check', 'Mem', 'Distill', 'Route'])}`,
        benchmark: ctx.rng.pick(['standard reasoning benchmarks', 'a suite of coding tests', 'long-context retrieval tests', 'maths competition problems']),
        authors: String(ctx.rng.int(6, 40)),
        venue: ctx.rng.pick(['ahead of a major machine-learning conference', 'as a preprint', 'alongside open-source code', 'in a peer-reviewed journal']),
        outsider: ctx.newPerson().name,
      },
      companies: [],
      moves: [],
    };
  },
  headlines: [
    '{company} researchers report {finding}',
    '{method}: {company} paper describes {finding}',
    'New {company} study points to {finding}',
    'Research roundup: {company} and the case for {method}',
  ],
  ledes: [
    '{company} researchers say they have found {finding}, based on experiments with a method called {method}.',
    'A paper from {companyAlt}, released {venue}, describes {finding}.',
    'Researchers at {company} have described {finding}, in a paper released {venue}.',
    'A team of {authors} researchers at {companyAlt} says it has found {finding}.',
    '{company} has published work on {method}, {finding}, and released the code for others to test.',
    'A new paper from {company} reports {finding}, a result that could lower the cost of building capable models.',
  ],
  details: [
    'The method, called {method}, was tested on {benchmark}, where it matched or beat larger baselines.',
    'The paper lists {authors} authors and was released {venue}.',
    '{outsider}, a researcher not involved in the work, said the results were interesting but needed replication at larger scale.',
    'The authors acknowledge that the gains [shrink|are smaller] on some tasks and that more work is needed.',
    'Code and model checkpoints were published so that other groups can [check|verify] the results.',
    'The work builds on earlier [academic research|university work], which the paper credits.',
  ],
  quotes: [
    'The surprising part was how simple the change turned out to be',
    'We want other labs to try to break this, because that is how we learn whether it holds',
    'Efficiency is the research problem that matters most right now',
  ],
  outlook: [
    'The team plans to test {method} on larger models in the coming months.',
    'Whether the approach makes it into products remains to be seen.',
    'Other groups have already begun trying to reproduce the results, according to discussion among researchers.',
  ],
  background: [
    'Research labs at large companies publish a steady stream of papers, although the most commercially sensitive details are [often|usually] withheld.',
    'Efficiency has become a central research theme, as the cost of training and running large models keeps [rising|climbing].',
    'Replication is a persistent problem in machine learning, where results can depend on small details of [data and training setup|how experiments are run].',
    'Academic groups say they struggle to compete with industry labs because of the computing power [modern experiments require|needed for modern experiments].',
  ],
  announcement: 'research on {method}',
};
