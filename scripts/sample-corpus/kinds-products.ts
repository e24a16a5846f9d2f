import type { EventKind, PlanContext } from './types.js';

/** Product events: model launches, chips, data centres and robots. Every fact is invented. */

const LABS = ['Meta', 'Google', 'Google DeepMind', 'OpenAI', 'Microsoft', 'Amazon Web Services', 'Apple', 'Anthropic', 'Mistral AI'];

const CAPABILITIES = [
  'long-document analysis', 'writing and reviewing code', 'real-time voice conversations', 'multi-step research tasks',
  'reading charts and scanned forms', 'spreadsheet and financial analysis', 'customer-support automation',
  'translation across dozens of languages', 'agent-style tasks that span several apps', 'summarising meetings and email threads',
  'searching scientific literature', 'on-device assistance without a network connection',
];

function productName(ctx: PlanContext): string {
  const family = ctx.rng.pick(ctx.subject.products ?? [ctx.subject.name.split(' ')[0] ?? ctx.subject.name]);
  return `${family} ${ctx.rng.pick(['2', '3', '3.5', '4', 'Ultra', 'Flash', 'Pro', 'Mini', 'Max', 'Nova'])}`;
}

/** A company releases a new model. */
export const LAUNCH: EventKind = {
  id: 'launch',
  family: 'market',
  topics: ['Generative AI'],
  subjects: [...LABS, 'Mosaic Forge', 'Lumenfold', 'Copperleaf Voice', 'Starling Code', 'Quillstone Labs'],
  plan(ctx) {
    const [capability, capability2] = ctx.rng.shuffle(CAPABILITIES);
    return {
      slots: {
        product: productName(ctx),
        capability: capability ?? '',
        capability2: capability2 ?? '',
        rival: ctx.otherCompany(LABS).name,
        availability: ctx.rng.pick(['paying subscribers', 'enterprise customers', 'developers through its API', 'users in the US and Europe', 'customers of its cloud platform']),
        priceCut: `${ctx.rng.pick([20, 25, 30, 40, 50, 60])} percent`,
        contextSize: ctx.rng.pick(['500,000 tokens', 'one million tokens', 'two million tokens', 'roughly 1,500 pages of text']),
        benchGain: `${ctx.rng.int(4, 19)} percentage points`,
        benchTask: ctx.rng.pick(['coding', 'reasoning', 'maths word-problem', 'document question-answering', 'tool-use']),
      },
      companies: [],
      moves: [],
    };
  },
  headlines: [
    '{company} unveils {product}, a model aimed at {capability}',
    '{company} releases {product} with a focus on {capability}',
    '{product}: {company} bets its next model on {capability}',
    "{company}'s new {product} model takes aim at {rival}",
    '{company} cuts developer prices as it launches {product}',
    "What {company}'s {product} launch means for developers",
    '{company} debuts {product}, promising gains in {benchTask}',
  ],
  ledes: [
    '{company} on {weekday} released {product}, a new model it says is markedly better at {capability} than the version it replaces.',
    '{companyAlt} has introduced {product}, [the latest addition to|the newest member of] its family of AI models, and is offering it to {availability} first.',
    '{company} is rolling out {product}, a model built with {capability} in mind, in a launch that puts it in more direct competition with {rival}.',
    'A new model from {company}, called {product}, went live on {weekday}, pitched at customers who need help with {capability}.',
    '{company} wants businesses to switch to {product}, a model it unveiled this week alongside a {priceCut} price cut for developers.',
    'After months of testing with a small group of customers, {company} has made {product} generally available.',
  ],
  details: [
    'The company said {product} can work with inputs of up to {contextSize}, [a large jump from|well beyond] what its previous model handled.',
    'In internal tests, {product} scored {benchGain} higher than its predecessor on a set of {benchTask} tasks, according to figures the company published; those results have not been independently checked.',
    'Prices for developers fall by {priceCut} compared with the previous generation, the company said.',
    '{product} will be available to {availability}, with a broader rollout planned [later in the quarter|over the next several weeks|before the end of the year].',
    'The model also handles {capability2}, a feature [customers had asked for|the company had previewed at an event earlier in the year].',
    '{company} said it had trained {product} to follow detailed instructions more closely and to decline requests it considers unsafe.',
    'A [smaller, cheaper|lighter] variant aimed at [high-volume tasks|bulk workloads such as classification] is due [in the coming weeks|shortly after the main release|by the end of the quarter].',
    'Developers who had early access described the results as [promising but uneven|a clear step forward|solid rather than spectacular], according to posts shared after the announcement.',
    'The release comes with a [technical report|short technical paper|model card], though it [leaves out|says little about] [details of the training data|where the training data came from] and the amount of computing power used.',
  ],
  quotes: [
    'We built {product} for the work people actually do every day, not for leaderboard screenshots',
    'Customers told us they wanted something faster and more predictable, and that is what this release is about',
    'This is the most capable model we have shipped, and also the cheapest to run per task',
    'We expect developers to find uses for it that we have not thought of yet',
    'Getting {capability} right was the top request from our business customers',
  ],
  outlook: [
    '{company} said it would publish more detailed evaluation results [in the coming weeks|once outside testers have finished their work].',
    'Rivals are expected to respond quickly; {rival} has [signalled|hinted] that an update of its own is close.',
    'Whether {product} wins over customers may depend less on benchmark scores than on price and reliability, analysts said.',
    'The company plans to bring {product} into its consumer apps in stages over the coming months.',
  ],
  background: [
    'Model launches have become [a monthly|an almost weekly] event, and [customers|IT buyers|developers] say it is [hard|difficult] to keep track of which version is best for which [job|task].',
    'Price cuts have followed most major releases over the past [year|eighteen months], as [providers|labs] compete for developers who can [switch|change suppliers] with a few lines of code.',
    'Many [companies|engineering teams] now run several models side by side, [routing|sending] simple requests to cheap ones and [harder|trickier] ones to the most capable.',
    '[Independent|Outside] evaluators often take [weeks|a month or more] to publish their own comparisons, by which time another release may [have arrived|already be out].',
    'The way models are [packaged|sold] has changed too: most buyers now pay [per token|by usage] through an API rather than licensing software [outright|up front].',
  ],
  announcement: 'the general availability of {product}, a model designed for {capability}',
};

/** A company announces an AI chip or system. */
export const CHIP: EventKind = {
  id: 'chip',
  family: 'physical',
  topics: ['AI Hardware'],
  subjects: ['Nvidia', 'Nvidia', 'Amazon Web Services', 'Google', 'Microsoft', 'Apple', 'Meta', 'Ferrous Compute', 'Sable Silicon'],
  plan(ctx) {
    const prefix = ctx.rng.pick(['Vanta', 'Quarry', 'Talon', 'Meridia', 'Basalt', 'Ember', 'Strata', 'Kite']);
    return {
      slots: {
        chip: `${prefix} ${ctx.rng.pick(['X', 'T', 'R', 'M'])}${ctx.rng.int(2, 9)}${ctx.rng.pick(['00', '50', ''])}`,
        speedup: ctx.rng.pick(['twice', 'two and a half times', 'three times', '40 percent', '70 percent']),
        memory: `${ctx.rng.pick([96, 144, 192, 256, 288])} gigabytes of high-bandwidth memory`,
        node: ctx.rng.pick(['3-nanometre', '2-nanometre', '4-nanometre']),
        shipWindow: ctx.rng.pick(['the first quarter', 'the second half of the year', 'early next year', 'the third quarter']),
        workload: ctx.rng.pick(['running trained models', 'training very large models', 'serving many users at once', 'on-device inference']),
        customer: ctx.otherCompany(['OpenAI', 'Anthropic', 'Mistral AI', 'Meta', 'Microsoft', 'Lumenfold', 'Mosaic Forge']).name,
      },
      companies: [],
      moves: [],
    };
  },
  headlines: [
    '{company} shows off {chip}, its fastest AI chip yet',
    '{company} says new {chip} chip is {speedup} faster for {workload}',
    '{company} details {chip} as demand for AI computing keeps rising',
    '{chip}: inside {company}\'s next AI accelerator',
    '{company} to ship {chip} in {shipWindow}, with {customer} among early buyers',
  ],
  ledes: [
    '{company} has a new AI processor, {chip}, and says it will reach customers in {shipWindow}.',
    '{company} on {weekday} unveiled {chip}, an AI chip it says is {speedup} faster than its current part at {workload}.',
    '{companyAlt} has given the first detailed look at {chip}, a processor designed for {workload}, as it tries to keep up with soaring demand.',
    'The next AI chip from {company}, called {chip}, will begin shipping in {shipWindow}, the company said.',
    '{company} is betting that {chip}, a new accelerator built on a {node} process, will win over customers who need more computing power for {workload}.',
    '{company} said {customer} will be among the first customers for {chip}, its newest processor for AI workloads.',
  ],
  details: [
    'Each {chip} carries {memory}, which the company says lets larger models fit on fewer chips.',
    'The chip is made on a {node} manufacturing process, [according to the company|the company said].',
    'Volume shipments are planned for {shipWindow}, though the company cautioned that supply would be tight at first.',
    '{company} did not disclose pricing, saying it would depend on the size of each order.',
    'Engineers [redesigned|reworked] the way chips in a rack [talk to|exchange data with] each other, a bottleneck that often limits how fast large models can be trained.',
    'Power efficiency improves too: the company claimed a [sizeable|significant] drop in energy used per [query|answer], without giving an exact figure.',
    'Early units have been running in the labs of {customer}, according to people briefed on the plans.',
  ],
  quotes: [
    'Every customer we talk to wants more computing power and a lower power bill, and {chip} is our answer to both',
    'The bottleneck has moved from the chip to the whole system, so we designed the system',
    'Demand is still running ahead of what the industry can build',
    'We are not chasing one benchmark; we are trying to lower the cost of every answer a model gives',
  ],
  outlook: [
    'Rival chipmakers are preparing their own launches, and large cloud providers continue to design chips in-house.',
    'How quickly {company} can ramp up production of {chip} will depend heavily on its manufacturing partners.',
    '{company} plans to share benchmark results with independent testers [before shipments begin|later in the year].',
  ],
  background: [
    'Demand for AI accelerators has outstripped supply for [much of the past two years|several quarters], and lead times for the most advanced parts remain long.',
    'Advanced packaging, which [stacks|places] memory next to the processor, has become [one of the tightest bottlenecks|a key constraint] in the [supply chain|industry].',
    'Cloud providers increasingly design their own chips to [reduce|limit] their dependence on a single supplier and to [control|keep a lid on] costs.',
    'Memory bandwidth, not raw [arithmetic|computing speed], is often what limits how fast large models run, [engineers say|chip designers say].',
    'Export rules on advanced chips continue to [shape|limit] where the most powerful [parts|processors] can be sold.',
  ],
  announcement: '{chip}, a processor for {workload}',
};

/** A company commits to a new data-centre site. */
export const DATACENTER: EventKind = {
  id: 'datacenter',
  family: 'physical',
  topics: ['AI Hardware'],
  subjects: ['Microsoft', 'Amazon Web Services', 'Google', 'Meta', 'OpenAI', 'Anthropic', 'Mistral AI', 'Nvidia'],
  plan(ctx) {
    return {
      slots: {
        site: ctx.rng.pick(['central Texas', 'northern Spain', 'rural Ohio', 'southern Sweden', 'the outskirts of Phoenix', 'western Ireland', 'eastern Oregon', 'northern France', 'Johor in Malaysia']),
        ...ctx.rng.pick([
          { capacity: '300 megawatts', capacityAdj: '300-megawatt' },
          { capacity: '500 megawatts', capacityAdj: '500-megawatt' },
          { capacity: '1 gigawatt', capacityAdj: '1-gigawatt' },
          { capacity: '1.5 gigawatts', capacityAdj: '1.5-gigawatt' },
          { capacity: '2 gigawatts', capacityAdj: '2-gigawatt' },
        ]),
        investment: `$${ctx.rng.pick(['4', '6', '8', '10', '12', '15'])} billion`,
        jobs: String(ctx.rng.pick([300, 450, 600, 800, 1200])),
        power: ctx.rng.pick(['a mix of wind and solar contracts', 'a new natural-gas plant with plans to add carbon capture', 'long-term nuclear power agreements', 'hydroelectric power from nearby dams']),
        online: ctx.rng.pick(['late next year', 'in two phases over three years', 'by the end of the decade', 'within 24 months']),
        partner: ctx.otherCompany(['Nvidia', 'Microsoft', 'Amazon Web Services', 'Sable Silicon', 'Ferrous Compute']).name,
      },
      companies: [],
      moves: [],
    };
  },
  headlines: [
    '{company} plans {investment} AI data centre in {site}',
    '{company} picks {site} for {capacityAdj} computing campus',
    '{company} to spend {investment} on new AI infrastructure',
    'Inside {company}\'s {capacityAdj} bet on {site}',
    '{company} data-centre plan tests the local power grid',
  ],
  ledes: [
    '{company} has confirmed plans for a {capacityAdj} campus in {site}, with the first phase due {online}.',
    'Construction will begin [this year|shortly] on a {investment} data-centre campus in {site} for {company}, the company said on {weekday}.',
    '{company} said on {weekday} it would spend {investment} on a data-centre campus in {site}, one of its largest infrastructure commitments to date.',
    '{companyAlt} has chosen {site} for a new computing campus that will draw up to {capacity} once complete.',
    'A new {capacityAdj} data-centre project in {site} will help {company} meet demand for training and running AI models, the company said.',
    '{company} is adding another large site to its network: a {investment} campus in {site} designed around AI workloads.',
  ],
  details: [
    'The first buildings are expected to come online {online}, according to the company.',
    'The campus will run on {power}, the company said, responding to questions about its climate targets.',
    '{company} expects the project to create about {jobs} permanent jobs, plus several thousand during construction.',
    'Chips for the site will come in part from {partner}, under an existing supply agreement.',
    'Local officials welcomed the investment but said the grid operator would [need to|still have to] approve new [transmission lines|power lines].',
    'The site was chosen for its access to [land, water and power|power, fibre and land], people involved in the search said.',
    'Residents have raised concerns about [noise and water use|water use and traffic] at public meetings held [ahead of|before] the announcement.',
  ],
  quotes: [
    'Demand for AI computing keeps outrunning our forecasts, so we are building ahead of it',
    'We picked this site because the community, the grid and the workforce were all ready',
    'We intend to be a good neighbour and to pay our own way on power',
  ],
  outlook: [
    'Permits for the later phases are still pending, and construction timelines for projects of this size often slip.',
    '{company} said it would publish annual figures on the site\'s energy and water use.',
    'Similar projects have been announced across the region, raising questions about how much power will be left for other users.',
  ],
  background: [
    'AI data centres draw far more power per rack than traditional facilities, forcing operators to [rethink|redesign] cooling and electrical systems.',
    'Grid connection queues in [several regions|many markets] now stretch for years, pushing developers toward sites with spare capacity or their own generation.',
    '[Liquid cooling|Direct-to-chip liquid cooling], once a niche technology, is becoming standard in new builds.',
    'Local opposition to large data-centre projects has grown, centred on water use, noise and [electricity prices|the strain on local grids].',
    '[Hyperscale operators|The largest cloud companies] have signed a wave of long-term power purchase agreements to secure supply for the rest of the decade.',
  ],
  announcement: 'a {investment} investment in a {capacityAdj} computing campus in {site}',
};

const ROBOT_USES = [
  { task: 'picking mixed items from bins', sites: 'three warehouses', customer: 'a large online retailer' },
  { task: 'unloading delivery trucks', sites: 'five distribution centres', customer: 'a large parcel carrier' },
  { task: 'restocking supermarket shelves', sites: 'a dozen stores', customer: 'a European grocery chain' },
  { task: 'inspecting wind turbines', sites: 'two offshore wind farms', customer: 'a North Sea energy operator' },
  { task: 'moving parts between assembly stations', sites: 'two car plants', customer: 'an automotive supplier' },
  { task: 'folding and packing garments', sites: 'a fulfilment centre near Rotterdam', customer: 'a fashion retailer' },
  { task: 'sorting returned electronics', sites: 'a repair hub in the Midwest', customer: 'an electronics manufacturer' },
];

/** A robot deployment or product. */
export const ROBOTICS: EventKind = {
  id: 'robotics',
  family: 'physical',
  topics: ['Robotics'],
  subjects: ['Parallax Robotics', 'Corvid Dynamics', 'Kestrel Machines', 'Tessellate Systems', 'Amazon', 'Nvidia', 'Google DeepMind'],
  plan(ctx) {
    const use = ctx.rng.pick(ROBOT_USES);
    return {
      slots: {
        robot: `${ctx.rng.pick(['Ardent', 'Pilot', 'Mako', 'Juniper', 'Tern', 'Otter', 'Bramble'])}${ctx.rng.pick(['', ' II', ' S', '-2'])}`,
        ...use,
        units: String(ctx.rng.pick([50, 120, 200, 500, 1000])),
        successRate: `${ctx.rng.int(88, 99)} percent`,
        model: ctx.rng.pick(['a vision-language model trained on simulated and real footage', 'a single model that maps camera images directly to motor commands', 'a planning model paired with classic motion control']),
      },
      companies: [],
      moves: [],
    };
  },
  headlines: [
    '{company} robots start {task} at {sites}',
    '{company} unveils {robot}, a robot built for {task}',
    '{customer} orders {units} robots from {company}',
    'Can robots handle {task}? {company} says {robot} can',
    '{company} puts its {robot} robot to work for {customer}',
  ],
  ledes: [
    '{company} is moving from pilots to real deployments: its {robot} robots will handle {task} for {customer}.',
    'Starting this quarter, {robot} robots from {company} will be {task} at {sites}.',
    '{company} said on {weekday} that its {robot} robots are now {task} at {sites}, one of the larger commercial deployments of general-purpose machines so far.',
    '{companyAlt} has introduced {robot}, a robot designed for {task}, and says {customer} has agreed to deploy it.',
    '{customer} plans to put {units} of {company}\'s robots to work over the next two years, starting with {task}.',
    'Robots from {company} can now handle {task} with a success rate of about {successRate}, the company said as it announced {robot}.',
  ],
  details: [
    'The robot runs on {model}, which the company says lets it cope with items it has not seen before.',
    'In trials, {robot} completed {task} with a success rate of about {successRate}; a human operator steps in remotely when it gets stuck.',
    'The deployment covers {sites}, with more planned if the pilot meets targets for speed and safety.',
    '{company} did not disclose the price of each unit, but said customers can lease robots by the hour.',
    'Workers at the sites have been [retrained|trained] to supervise the machines, [according to the company|the company said].',
    'Much of the training happened in simulation before the robots ever [touched a real shelf|left the lab].',
  ],
  quotes: [
    'The hard part is not the demo; it is running every shift, every day, without a babysitter',
    'We designed {robot} to work alongside people, not behind a safety cage',
    'Customers do not buy robots, they buy throughput, and that is what we measure',
  ],
  outlook: [
    'The company aims to double production next year, subject to supply of motors and sensors.',
    'Labour groups say they will watch closely how the deployment affects staffing at the sites.',
    '{company} plans to open the robot\'s software to outside developers later on.',
  ],
  background: [
    'Warehouse and factory robots have [existed|been around] for decades, but most could only repeat a fixed motion in a fenced-off cell.',
    'Advances in [vision and language models|AI models that understand images and instructions] have revived interest in general-purpose robots that can be taught new tasks quickly.',
    'Investors have poured money into [humanoid and mobile-manipulation startups|robotics startups], though few have moved beyond pilot deployments.',
    'Reliability over long shifts, rather than impressive demos, is what [customers|operators] say decides whether robots stay.',
    'Simulation lets developers train robots on [millions of|countless] virtual attempts before testing them on real hardware.',
  ],
  announcement: 'that {customer} will deploy its {robot} robots for {task}',
};
