/**
 * Domain gazetteers: organisations with their aliases, products and models, and the
 * well-known roles Heatwire assumes when an article names a leader without a title.
 * Keys are lower-case surface forms; values are canonical names.
 */

// canonical ← aliases (the canonical form itself is always an alias).
const ORGS: Record<string, string[]> = {
  Meta: ['meta', 'meta platforms', 'meta platforms inc', 'facebook', 'facebook inc'],
  Alphabet: ['alphabet', 'alphabet inc'],
  Google: ['google', 'google llc'],
  'Google DeepMind': ['google deepmind', 'deepmind'],
  OpenAI: ['openai', 'open ai'],
  Anthropic: ['anthropic'],
  Microsoft: ['microsoft', 'microsoft corp', 'microsoft corporation'],
  Apple: ['apple', 'apple inc'],
  Amazon: ['amazon', 'amazon.com', 'amazon web services', 'aws'],
  Nvidia: ['nvidia', 'nvidia corp'],
  Tesla: ['tesla', 'tesla inc'],
  xAI: ['xai'],
  'Mistral AI': ['mistral ai', 'mistral'],
  'Stability AI': ['stability ai'],
  Cohere: ['cohere'],
  'Hugging Face': ['hugging face', 'huggingface'],
  Intel: ['intel', 'intel corp'],
  AMD: ['amd'],
  IBM: ['ibm'],
  Oracle: ['oracle'],
  Salesforce: ['salesforce'],
  Samsung: ['samsung', 'samsung electronics'],
  TSMC: ['tsmc'],
  Baidu: ['baidu'],
  Alibaba: ['alibaba', 'alibaba group'],
  Tencent: ['tencent'],
  ByteDance: ['bytedance'],
  TikTok: ['tiktok'],
  DeepSeek: ['deepseek'],
  Perplexity: ['perplexity', 'perplexity ai'],
  'Scale AI': ['scale ai'],
  'Safe Superintelligence': ['safe superintelligence', 'ssi'],
  'Thinking Machines Lab': ['thinking machines lab', 'thinking machines'],
  'Inflection AI': ['inflection ai', 'inflection'],
  Netflix: ['netflix'],
  Uber: ['uber'],
  Airbnb: ['airbnb'],
  Spotify: ['spotify'],
  Snap: ['snap', 'snap inc'],
  X: ['twitter'],
  Reddit: ['reddit'],
  Bloomberg: ['bloomberg', 'bloomberg news'],
  Reuters: ['reuters'],
  'The Wall Street Journal': ['wall street journal', 'the wall street journal', 'wsj'],
  'The New York Times': ['new york times', 'the new york times'],
  'Financial Times': ['financial times', 'the financial times'],
  'The Information': ['the information'],
  CNBC: ['cnbc'],
  BBC: ['bbc'],
  'Associated Press': ['associated press', 'the associated press'],
  'European Commission': ['european commission'],
  'Federal Reserve': ['federal reserve', 'the fed'],
  NASA: ['nasa'],
  FIFA: ['fifa'],
  UEFA: ['uefa'],
  NATO: ['nato'],
  'United Nations': ['united nations', 'un'],
  'World Health Organization': ['world health organization', 'who'],
  IMF: ['imf', 'international monetary fund'],
  SEC: ['sec', 'securities and exchange commission'],
  FTC: ['ftc', 'federal trade commission'],
  Volkswagen: ['volkswagen', 'vw'],
  Toyota: ['toyota'],
  Boeing: ['boeing'],
  Airbus: ['airbus'],
  Pfizer: ['pfizer'],
  Moderna: ['moderna'],
  Siemens: ['siemens'],
  Unilever: ['unilever'],
  Nestlé: ['nestlé', 'nestle'],
  'Goldman Sachs': ['goldman sachs', 'goldman'],
  'JPMorgan Chase': ['jpmorgan chase', 'jpmorgan', 'jp morgan'],
  'Morgan Stanley': ['morgan stanley'],
  BlackRock: ['blackrock'],
  SpaceX: ['spacex'],
  'Ray-Ban': ['ray-ban'],
  EssilorLuxottica: ['essilorluxottica'],
  'Real Madrid': ['real madrid'],
  Barcelona: ['fc barcelona', 'barça'],
  'Manchester United': ['manchester united', 'man united'],
  'Manchester City': ['manchester city', 'man city'],
  Liverpool: ['liverpool fc'],
  Chelsea: ['chelsea fc', 'chelsea'],
  Arsenal: ['arsenal'],
  'Bayern Munich': ['bayern munich', 'bayern'],
  Juventus: ['juventus'],
  'Paris Saint-Germain': ['paris saint-germain', 'psg'],
};

// Products and models, canonical ← aliases. A trailing version ("Llama 3.1", "GPT-4o mini")
// is added by find-entities, so only the family needs listing.
const PRODUCTS: Record<string, string[]> = {
  ChatGPT: ['chatgpt'],
  'GPT-4': ['gpt-4'],
  'GPT-4o': ['gpt-4o'],
  'GPT-5': ['gpt-5'],
  GPT: ['gpt'],
  Gemini: ['gemini'],
  Claude: ['claude'],
  Llama: ['llama'],
  'Meta AI': ['meta ai'],
  Copilot: ['copilot', 'github copilot'],
  Bard: ['bard'],
  Sora: ['sora'],
  'DALL-E': ['dall-e'],
  Midjourney: ['midjourney'],
  Grok: ['grok'],
  Siri: ['siri'],
  Alexa: ['alexa'],
  iPhone: ['iphone'],
  iPad: ['ipad'],
  'Vision Pro': ['vision pro'],
  Android: ['android'],
  Windows: ['windows'],
  Pixel: ['pixel'],
  'Ray-Ban Meta': ['ray-ban meta'],
  Quest: ['meta quest', 'quest'],
  WhatsApp: ['whatsapp'],
  Instagram: ['instagram'],
  Threads: ['threads'],
  YouTube: ['youtube'],
  Gmail: ['gmail'],
  Bing: ['bing'],
  Azure: ['azure'],
  CUDA: ['cuda'],
  'Stable Diffusion': ['stable diffusion'],
  'Le Chat': ['le chat'],
  Qwen: ['qwen'],
  'DeepSeek-R1': ['deepseek-r1', 'r1'],
  Mistral: [],
};

function invert(table: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(table)) {
    map.set(canonical.toLowerCase(), canonical);
    for (const a of aliases) map.set(a, canonical);
  }
  return map;
}

/** Lower-case organisation alias → canonical name ("facebook" → "Meta"). */
export const ORG_ALIASES: Map<string, string> = invert(ORGS);
/** Lower-case product alias → canonical name. */
export const PRODUCT_ALIASES: Map<string, string> = invert(PRODUCTS);
// "Mistral" alone is the company in news usage; the model family is "Mistral Large" etc.
PRODUCT_ALIASES.delete('mistral');

/**
 * Roles of well-known people, used when an article names them without a title (documented
 * in docs/people-and-moves.md). Key: canonical person key (see canonicalPersonKey).
 */
export const KNOWN_ROLES: Map<string, { role: string; organization: string }> = new Map([
  ['mark zuckerberg', { role: 'CEO', organization: 'Meta' }],
  ['sundar pichai', { role: 'CEO', organization: 'Alphabet' }],
  ['satya nadella', { role: 'CEO', organization: 'Microsoft' }],
  ['tim cook', { role: 'CEO', organization: 'Apple' }],
  ['andy jassy', { role: 'CEO', organization: 'Amazon' }],
  ['jensen huang', { role: 'CEO', organization: 'Nvidia' }],
  ['sam altman', { role: 'CEO', organization: 'OpenAI' }],
  ['dario amodei', { role: 'CEO', organization: 'Anthropic' }],
  ['demis hassabis', { role: 'CEO', organization: 'Google DeepMind' }],
  ['elon musk', { role: 'CEO', organization: 'Tesla' }],
  ['lisa su', { role: 'CEO', organization: 'AMD' }],
  ['arthur mensch', { role: 'CEO', organization: 'Mistral AI' }],
]);

/**
 * Words that end an organisation name ("Acme Labs", "Mistral AI", "Bank of X"). Matched on
 * the last token of a capitalised span.
 */
export const ORG_SUFFIXES = new Set([
  'inc', 'corp', 'corporation', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'nv', 'co',
  'labs', 'lab', 'ai', 'group', 'holdings', 'bank', 'capital', 'partners', 'ventures',
  'technologies', 'technology', 'systems', 'motors', 'airlines', 'airways', 'pharmaceuticals',
  'therapeutics', 'robotics', 'university', 'college', 'institute', 'foundation', 'association',
  'federation', 'union', 'council', 'commission', 'committee', 'agency', 'ministry',
  'department', 'party', 'parliament', 'senate', 'congress', 'court', 'club', 'fc', 'united',
  'times', 'post', 'news', 'journal', 'media', 'studios', 'games', 'energy', 'networks',
  'semiconductor', 'electronics', 'software', 'analytics', 'insurance', 'reserve', 'bureau',
  'authority', 'fund', 'research', 'industries', 'enterprises', 'solutions', 'health',
  'hospital', 'league', 'team', 'records', 'press', 'review', 'telegraph', 'guardian',
  'intelligence', 'devices', 'foods', 'mining', 'logistics', 'school', 'airport', 'dynamics', 'computing', 'cloud', 'pharma', 'biotech', 'automotive',
]);

/** Words that start an organisation name ("University of …", "Bank of …"). */
export const ORG_PREFIXES = new Set(['university', 'bank', 'ministry', 'department', 'institute', 'office', 'house', 'court', 'council']);

/**
 * Common nouns before an unknown capitalised word that mark it as an organisation
 * ("AI startup Nomi", "chipmaker Arm", "the club Fulham").
 */
export const ORG_CUE_WORDS = new Set([
  'startup', 'start-up', 'firm', 'company', 'rival', 'maker', 'chipmaker', 'carmaker', 'automaker',
  'giant', 'lab', 'developer', 'retailer', 'bank', 'lender', 'insurer', 'club', 'side',
  'broadcaster', 'publisher', 'outlet', 'newspaper', 'regulator', 'conglomerate', 'group',
  'unicorn', 'platform', 'provider', 'operator', 'airline', 'brand', 'studio', 'label', 'fund',
  'investor', 'manufacturer', 'supplier', 'owner', 'subsidiary', 'parent',
]);
