import type { Spelling } from './house-style.js';
import type { Company } from './types.js';

/**
 * The fixed cast of the sample corpus: fictional publishers (every domain under `.example`,
 * reserved by RFC 2606 §3 so it can never be a real site), real and fictional companies,
 * and the parts fictional people's names are made from.
 */

/** How a fictional publisher writes and links its articles. */
export interface ProviderProfile {
  name: string;
  domain: string;
  /** URL layout: /2025/03/14/slug/, /articles/slug-123456, /news/<section>/slug, /p/slug. */
  urlStyle: 'dated' | 'articles' | 'section' | 'short';
  section: string;
  /** Category weights (`news`, `blog`, `opinion`, `research`, `press-release`). */
  categories: Readonly<Record<string, number>>;
  quality: readonly [number, number];
  imageRate: number;
  /** Share of items whose feed link (originalUrl) carries tracking parameters. */
  trackingRate: number;
  titleCase: boolean;
  /** `lede`: first sentence; `dek`: a separate teaser; `cut`: the text cut at ~200 chars. */
  excerptStyle: 'lede' | 'dek' | 'cut';
  /** Event kinds it covers most. */
  beats: readonly string[];
  /** `wire` items are republished by `syndicator`s; `press` only carries fictional companies. */
  role: 'primary' | 'wire' | 'syndicator' | 'press';
  /** Spelling and date conventions (house-style.ts). */
  spelling: Spelling;
}

const NEWS = { news: 1 } as const;

/** Every publisher of the corpus. */
export const PROVIDERS: readonly ProviderProfile[] = [
  { name: 'Circuit Ledger', domain: 'circuitledger.example', urlStyle: 'dated', section: 'chips', categories: NEWS, quality: [45, 88], imageRate: 0.8, trackingRate: 0.3, titleCase: true, excerptStyle: 'dek', beats: ['chip', 'datacenter', 'funding'], role: 'primary', spelling: 'uk' },
  { name: 'The Model Desk', domain: 'modeldesk.example', urlStyle: 'articles', section: 'models', categories: { news: 4, blog: 1 }, quality: [40, 90], imageRate: 0.7, trackingRate: 0.2, titleCase: false, excerptStyle: 'lede', beats: ['launch', 'research', 'safety'], role: 'primary', spelling: 'uk' },
  { name: 'Tensor Times', domain: 'tensortimes.example', urlStyle: 'section', section: 'ai', categories: NEWS, quality: [35, 80], imageRate: 0.9, trackingRate: 0.5, titleCase: true, excerptStyle: 'cut', beats: ['launch', 'partnership', 'acquisition'], role: 'primary', spelling: 'us' },
  { name: 'Silicon Meridian', domain: 'siliconmeridian.example', urlStyle: 'dated', section: 'hardware', categories: { news: 3, opinion: 1 }, quality: [30, 85], imageRate: 0.6, trackingRate: 0.1, titleCase: false, excerptStyle: 'dek', beats: ['chip', 'robotics', 'datacenter'], role: 'primary', spelling: 'uk' },
  { name: 'Gradient Wire', domain: 'gradientwire.example', urlStyle: 'short', section: 'ml', categories: { news: 2, blog: 1 }, quality: [25, 75], imageRate: 0.5, trackingRate: 0.4, titleCase: false, excerptStyle: 'lede', beats: ['research', 'launch'], role: 'primary', spelling: 'us' },
  { name: 'The Inference Post', domain: 'inferencepost.example', urlStyle: 'articles', section: 'industry', categories: NEWS, quality: [50, 95], imageRate: 0.85, trackingRate: 0.2, titleCase: true, excerptStyle: 'dek', beats: ['departure', 'appointment', 'policy', 'launch'], role: 'primary', spelling: 'us' },
  { name: 'Datacenter Dispatch', domain: 'datacenterdispatch.example', urlStyle: 'section', section: 'infrastructure', categories: NEWS, quality: [30, 80], imageRate: 0.7, trackingRate: 0.3, titleCase: true, excerptStyle: 'cut', beats: ['datacenter', 'chip'], role: 'primary', spelling: 'us' },
  { name: 'Policy Circuit', domain: 'policycircuit.example', urlStyle: 'section', section: 'regulation', categories: { news: 3, opinion: 1 }, quality: [40, 90], imageRate: 0.4, trackingRate: 0.2, titleCase: false, excerptStyle: 'dek', beats: ['policy', 'lawsuit', 'safety'], role: 'primary', spelling: 'uk' },
  { name: 'Northbridge Business Review', domain: 'northbridgereview.example', urlStyle: 'dated', section: 'business', categories: NEWS, quality: [55, 95], imageRate: 0.75, trackingRate: 0.1, titleCase: true, excerptStyle: 'dek', beats: ['funding', 'acquisition', 'appointment', 'departure', 'partnership'], role: 'primary', spelling: 'us' },
  { name: 'Lab Notes Weekly', domain: 'labnotes.example', urlStyle: 'short', section: 'papers', categories: { research: 2, blog: 2 }, quality: [20, 70], imageRate: 0.3, trackingRate: 0, titleCase: false, excerptStyle: 'lede', beats: ['research', 'safety'], role: 'primary', spelling: 'uk' },
  { name: 'Actuator Journal', domain: 'actuatorjournal.example', urlStyle: 'section', section: 'robots', categories: NEWS, quality: [30, 85], imageRate: 0.9, trackingRate: 0.3, titleCase: true, excerptStyle: 'cut', beats: ['robotics', 'funding'], role: 'primary', spelling: 'us' },
  { name: 'Capital & Compute', domain: 'capitalcompute.example', urlStyle: 'articles', section: 'deals', categories: { news: 3, opinion: 1 }, quality: [35, 85], imageRate: 0.5, trackingRate: 0.4, titleCase: false, excerptStyle: 'dek', beats: ['funding', 'acquisition', 'datacenter', 'appointment'], role: 'primary', spelling: 'us' },
  { name: 'The Alignment Beat', domain: 'alignmentbeat.example', urlStyle: 'short', section: 'safety', categories: { blog: 2, opinion: 2, news: 1 }, quality: [15, 70], imageRate: 0.2, trackingRate: 0, titleCase: false, excerptStyle: 'lede', beats: ['safety', 'policy', 'research'], role: 'primary', spelling: 'uk' },
  { name: 'Open Weights Review', domain: 'openweights.example', urlStyle: 'dated', section: 'models', categories: { news: 2, blog: 1 }, quality: [20, 75], imageRate: 0.5, trackingRate: 0.2, titleCase: false, excerptStyle: 'cut', beats: ['launch', 'research', 'lawsuit'], role: 'primary', spelling: 'us' },
  { name: 'Boardroom Signal', domain: 'boardroomsignal.example', urlStyle: 'section', section: 'people', categories: NEWS, quality: [30, 80], imageRate: 0.6, trackingRate: 0.3, titleCase: true, excerptStyle: 'lede', beats: ['departure', 'appointment'], role: 'primary', spelling: 'us' },
  { name: 'Pinecrest Wire', domain: 'pinecrestwire.example', urlStyle: 'articles', section: 'tech', categories: NEWS, quality: [50, 85], imageRate: 0.4, trackingRate: 0.6, titleCase: false, excerptStyle: 'lede', beats: [], role: 'wire', spelling: 'us' },
  { name: 'Harbor City Chronicle', domain: 'harborcitychronicle.example', urlStyle: 'section', section: 'business', categories: NEWS, quality: [25, 70], imageRate: 0.5, trackingRate: 0.5, titleCase: true, excerptStyle: 'cut', beats: [], role: 'syndicator', spelling: 'uk' },
  { name: 'Valley Tech Digest', domain: 'valleytechdigest.example', urlStyle: 'dated', section: 'tech', categories: NEWS, quality: [15, 60], imageRate: 0.3, trackingRate: 0.7, titleCase: false, excerptStyle: 'lede', beats: [], role: 'syndicator', spelling: 'us' },
  { name: 'Midland Business Post', domain: 'midlandbusinesspost.example', urlStyle: 'articles', section: 'technology', categories: NEWS, quality: [20, 65], imageRate: 0.4, trackingRate: 0.4, titleCase: true, excerptStyle: 'cut', beats: [], role: 'syndicator', spelling: 'us' },
  { name: 'Launchpad Newswire', domain: 'launchpadnewswire.example', urlStyle: 'short', section: 'releases', categories: { 'press-release': 1 }, quality: [10, 45], imageRate: 0.3, trackingRate: 0, titleCase: true, excerptStyle: 'cut', beats: ['funding', 'robotics', 'acquisition', 'launch', 'partnership'], role: 'press', spelling: 'us' },
];

/** Real companies (named, but every fact about them in the corpus is invented) and fictional ones. */
export const COMPANIES: readonly Company[] = [
  { name: 'Meta', alts: ['the Facebook parent', 'the social media company', 'Meta Platforms'], topic: 'Facebook AI', city: 'Menlo Park', real: true, products: ['Atlas', 'Tessera'] },
  { name: 'Google', alts: ['the search company', "Alphabet's Google", 'the Mountain View company'], topic: 'Google AI', city: 'Mountain View', real: true, products: ['Beacon', 'Lumen'] },
  { name: 'Google DeepMind', alts: ['the Alphabet-owned lab', "Google's AI lab"], topic: 'Google AI', city: 'London', real: true, products: ['Meridian', 'Corvus'] },
  { name: 'OpenAI', alts: ['the ChatGPT maker', 'the San Francisco lab'], topic: 'OpenAI', city: 'San Francisco', real: true, products: ['Vector', 'Halcyon'] },
  { name: 'Microsoft', alts: ['the software maker', 'the Redmond company'], topic: 'Microsoft AI', city: 'Redmond', real: true, products: ['Keystone', 'Foundry Lite'] },
  { name: 'Amazon Web Services', alts: ["Amazon's cloud unit", 'AWS', 'the cloud provider'], topic: 'Amazon AI', city: 'Seattle', real: true, products: ['Riverbend', 'Cascade'] },
  { name: 'Amazon', alts: ['the online retailer', 'the e-commerce company'], topic: 'Amazon AI', city: 'Seattle', real: true, products: ['Riverbend'] },
  { name: 'Apple', alts: ['the iPhone maker', 'the Cupertino company'], topic: 'Apple AI', city: 'Cupertino', real: true, products: ['Orchard', 'Pippin'] },
  { name: 'Nvidia', alts: ['the chipmaker', 'the graphics-chip company'], topic: 'Nvidia', city: 'Santa Clara', real: true, products: ['Helix', 'Argon'] },
  { name: 'Anthropic', alts: ['the Claude developer', 'the San Francisco AI lab'], topic: 'Anthropic', city: 'San Francisco', real: true, products: ['Cadence', 'Sonnetine'] },
  { name: 'Mistral AI', alts: ['the Paris-based model developer', 'the French AI company', 'Mistral'], topic: 'Mistral', city: 'Paris', real: true, products: ['Sirocco', 'Levant'] },
  { name: 'Lumenfold', alts: ['the accounting-software startup'], city: 'San Francisco', real: false, area: 'AI agents for accounting teams', products: ['Ledgerline'] },
  { name: 'Quillstone Labs', alts: ['the legal-tech startup'], city: 'Toronto', real: false, area: 'document-understanding models for law firms', products: ['Brief'] },
  { name: 'Parallax Robotics', alts: ['the warehouse-robot maker'], city: 'Pittsburgh', real: false, area: 'warehouse picking robots' },
  { name: 'Ferrous Compute', alts: ['the chip startup'], city: 'Austin', real: false, area: 'low-power inference chips for edge devices', products: ['F2'] },
  { name: 'Brightkeel AI', alts: ['the health-tech startup'], city: 'London', real: false, area: 'AI tools for clinical-trial paperwork' },
  { name: 'Tessellate Systems', alts: ['the simulation-software company'], city: 'Boston', real: false, area: 'simulation software for training robots' },
  { name: 'Corvid Dynamics', alts: ['the humanoid-robot developer'], city: 'Munich', real: false, area: 'humanoid robots for factory logistics' },
  { name: 'Halyard Labs', alts: ['the model-evaluation startup'], city: 'New York', real: false, area: 'evaluation and red-teaming software for AI models' },
  { name: 'Mosaic Forge', alts: ['the open-model startup', 'the Berlin lab'], city: 'Berlin', real: false, area: 'open-weight models for European languages', products: ['Tessellon'] },
  { name: 'Kestrel Machines', alts: ['the drone maker'], city: 'Seoul', real: false, area: 'autonomous inspection drones' },
  { name: 'Orrery AI', alts: ['the forecasting startup'], city: 'Paris', real: false, area: 'forecasting models for energy traders' },
  { name: 'Sable Silicon', alts: ['the photonics startup'], city: 'Eindhoven', real: false, area: 'optical interconnects for AI clusters' },
  { name: 'Ninefold Data', alts: ['the data-labelling company'], city: 'Singapore', real: false, area: 'data-labelling services for model developers' },
  { name: 'Copperleaf Voice', alts: ['the speech startup'], city: 'Dublin', real: false, area: 'real-time speech translation', products: ['Relay'] },
  { name: 'Starling Code', alts: ['the coding-assistant startup'], city: 'Stockholm', real: false, area: 'AI coding assistants for banks', products: ['Kitewing'] },
];

/** Name parts of fictional people; combined without repeats. */
export const FIRST_NAMES = [
  'Amara', 'Bastian', 'Celeste', 'Dariusz', 'Elif', 'Farida', 'Gideon', 'Hana', 'Idris', 'Joanna',
  'Kofi', 'Leonie', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosalind', 'Santiago', 'Tamsin',
  'Umar', 'Vivienne', 'Wen', 'Xavier', 'Yara', 'Zoltan', 'Ingrid', 'Rafael', 'Mei', 'Tobias', 'Inés',
  'Malik', 'Søren', 'Adaeze', 'Lucian', 'Marisol',
] as const;
export const SURNAMES = [
  'Achterberg', 'Baptiste', 'Castellanos', 'Dunmore', 'Eskildsen', 'Farrow', 'Galloway', 'Halvorsen',
  'Ibarra', 'Jansky', 'Kowalczyk', 'Lindqvist', 'Marchetti', 'Nakagawa', 'Oyelaran', 'Pemberton',
  'Quist', 'Rasmussen', 'Szabo', 'Thackeray', 'Underhill', 'Varga', 'Whitlock', 'Yamamura',
  'Zielinski', 'Adebayo', 'Brennan', 'Calloway', 'Delacroix', 'Ferreira', 'Okafor', 'Moreau',
  'Voss', 'Treadwell', 'Ishikawa', 'Núñez',
] as const;

/** Fictional research and investment firms. */
export const ANALYST_FIRMS = ['Tollgate Analytics', 'Meridian Crest Securities', 'Fernhill Research', 'Oakhurst Advisory', 'Larkspur Equity Research', 'Bramwell & Finch'] as const;
export const INVESTORS = ['Granite Peak Ventures', 'Northlake Capital', 'Saltmarsh Partners', 'Bluefin Growth', 'Harrowgate Capital', 'Copperline Ventures', 'Tidewater Fund', 'Alder Street Partners'] as const;
