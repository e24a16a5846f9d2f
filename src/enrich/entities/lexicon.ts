import nlp from 'compromise';

/**
 * Word lists drawn from compromise's lexicon (first names, surnames, places, organisations,
 * common words) plus the domain additions compromise lacks. Built once at module load: only
 * the lexicon is read — compromise's tagger is never run, which keeps enrichment fast.
 */
export interface Lexicon {
  firstNames: Set<string>;
  lastNames: Set<string>;
  places: Set<string>;
  organizations: Set<string>;
  /** Lower-cased words compromise knows as ordinary vocabulary (not names or places). */
  common: Set<string>;
  /** Function words, verbs, adjectives and adverbs: a capitalised one opening a sentence is not part of a name. */
  openers: Set<string>;
  /** Nouns for people ("activist", "researcher"): the capitalised words after one are a person. */
  actors: Set<string>;
  /** Nationality adjectives ("French", "Brazilian"): never an organisation on their own. */
  demonyms: Set<string>;
}

const OPENER_TAGS = new Set(['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Copula', 'Negative', 'Possessive', 'Gerund', 'PastTense', 'PresentTense', 'Infinitive', 'Adjective', 'Comparative', 'Superlative', 'Expression', 'Cardinal', 'Ordinal', 'Condition', 'Participle', 'PhrasalVerb', 'Verb', 'Reflexive', 'TextValue']);

// Given names frequent in news that compromise's lexicon lacks (tech, politics, sport).
const EXTRA_FIRST = `guy yann sundar satya elon giorgia narendra xi jensen demis mustafa ilya arvind
  dario daniela mira greg reid kevin sheryl susan tim jeff jeffrey andy safra marc lisa pat
  emmanuel olaf keir rishi ursula volodymyr vladimir recep javier luiz inacio lula claudia
  fumio shigeru anthony kamala joe donald jd pete lionel cristiano kylian erling luka novak
  rafael carlos jannik iga aryna coco serena simone shohei lebron stephen patrick travis
  yoshua geoffrey fei-fei andrej noam jan clement aidan alexandr nat dylan arthur thierry
  bola cyril abiy jacinda chris bob jay jamie larry sergey mukesh gautam ratan masayoshi
  hock cristina jerome christine janet gina ngozi kristalina tedros ajay thomas`;

// Places compromise lacks or stores differently.
const EXTRA_PLACES = `silicon valley|menlo park|mountain view|cupertino|redmond|palo alto|san francisco|
  new york|los angeles|washington|brussels|beijing|shanghai|shenzhen|taiwan|hong kong|london|
  paris|berlin|tokyo|seoul|singapore|dubai|europe|asia|africa|north america|south america|
  latin america|middle east|gaza|ukraine|kyiv|moscow|texas|california|wall street|geneva|
  zurich|munich|milan|madrid|barcelona|toronto|montreal|bangalore|bengaluru|mumbai|delhi|new delhi|
  tel aviv|istanbul|ankara|sydney|melbourne|nairobi|lagos|johannesburg|cape town|sao paulo|
  mexico city|buenos aires|vancouver|seattle|boston|chicago|austin|miami|atlanta|dallas|
  the united states|united states|united kingdom|the netherlands|european union|eu|uk|us|u.s.|
  britain|england|scotland|wales|ireland|china|india|japan|france|germany|italy|spain|canada|
  brazil|mexico|russia|israel|iran|saudi arabia|south korea|north korea|australia|the vatican`;

function build(): Lexicon {
  const lex = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const places = new Set<string>();
  const organizations = new Set<string>();
  const common = new Set<string>();
  const openers = new Set<string>();
  const actors = new Set<string>(['teammate', 'author', 'physicist', 'economist', 'scientist', 'researcher', 'activist', 'striker', 'midfielder', 'defender', 'goalkeeper', 'forward', 'winger', 'quarterback', 'pitcher', 'rapper', 'singer', 'novelist', 'investor', 'billionaire', 'entrepreneur', 'founder', 'executive', 'engineer', 'designer', 'lawmaker', 'senator', 'spokesperson', 'spokeswoman', 'spokesman', 'veteran', 'analyst']);
  const demonyms = new Set<string>();
  for (const [word, tags] of Object.entries(lex)) {
    const list = Array.isArray(tags) ? tags : [tags];
    for (const tag of list) {
      if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') firstNames.add(word);
      else if (tag === 'LastName') lastNames.add(word);
      else if (tag === 'City' || tag === 'Country' || tag === 'Region' || tag === 'Place') places.add(word);
      else if (tag === 'Organization' || tag === 'SportsTeam') organizations.add(word);
      else if (tag === 'Demonym') demonyms.add(word);
      else if (tag !== 'Person' && tag !== 'ProperNoun' && tag !== 'Honorific') common.add(word);
      if (tag === 'Actor') actors.add(word);
      if (OPENER_TAGS.has(tag)) openers.add(word);
    }
  }
  for (const w of EXTRA_FIRST.split(/\s+/)) if (w && !w.endsWith('?')) firstNames.add(w);
  for (const p of EXTRA_PLACES.split('|')) places.add(p.trim());
  // Words that compromise lists as names but which, capitalised mid-sentence in news, are
  // rarely a person's first name on their own ("Will", "May", "Rich") are still allowed as
  // first names; sentence-initial handling in find-entities guards the ambiguous cases.
  for (const d of ['south african', 'north korean', 'south korean', 'new zealander', 'saudi']) demonyms.add(d);
  return { firstNames, lastNames, places, organizations, common, openers, actors, demonyms };
}

/** The shared, read-only lexicon. */
export const LEXICON: Lexicon = build();
