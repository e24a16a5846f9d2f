import { describe, expect, it } from 'vitest';
import { classifyTopics, classifyTopicsWithReason } from './classify-topics.js';
import { loadTaxonomy } from './load-taxonomy.js';

const taxonomy = loadTaxonomy();
const names = (title: string, text: string, entities?: string[]): string[] =>
  classifyTopics({ title, text, entities }, taxonomy).map((t) => t.name);

describe('classifyTopics: aliases fire, negatives veto', () => {
  it.each([
    // [case, title, text, must contain, must not contain]
    [
      'Meta + Llama with AI context',
      'Meta trains a new Llama model',
      'The company said the AI model will be released to developers next month, with open weights.',
      ['Facebook AI', 'AI'],
      [],
    ],
    [
      'Meta AI alias',
      'Meta AI assistant gets memory',
      'The assistant now remembers preferences across apps and conversations.',
      ['Facebook AI'],
      [],
    ],
    [
      'llama the animal',
      'Llama shearing day at the farm',
      'The Llama herd grazed in the pasture while visitors bought wool from the farm shop.',
      [],
      ['Facebook AI', 'AI'],
    ],
    [
      'Spanish "se llama"',
      'Entrevista',
      'La nueva directora se llama Llama García y trabaja en el museo desde hace años.',
      [],
      ['Facebook AI'],
    ],
    [
      'meta the word',
      'Meta description tips',
      'Write a meta description under 160 characters; meta tags still matter for clicks.',
      [],
      ['Facebook AI'],
    ],
    [
      'Meta without AI context',
      'Meta raises Instagram ad prices',
      'Meta told advertisers that Reels ads will cost more. Meta said demand from brands is strong.',
      [],
      ['Facebook AI', 'AI'],
    ],
    [
      'apple the fruit',
      'Apple harvest begins',
      'Apple orchards expect a big crop; cider makers and pie bakers are pleased. AI drones count the fruit.',
      [],
      ['Apple AI'],
    ],
    [
      'Apple with AI',
      'Apple expands Apple Intelligence',
      'Apple said Siri will use a larger language model next year.',
      ['Apple AI', 'AI'],
      [],
    ],
    [
      'Amazon the river',
      'Amazon river levels fall',
      'Communities along the Amazon river and its tributaries face drought; scientists use AI to model rainfall.',
      [],
      ['Amazon AI'],
    ],
    [
      'Amazon with AI',
      'AWS launches new AI chips',
      'Amazon Web Services said its Trainium chips cut training costs for AI models.',
      ['Amazon AI', 'AI Hardware'],
      [],
    ],
    [
      'mistral the wind',
      'Mistral fans fires',
      'A strong Mistral wind blew down the Rhône valley, gusts spreading fires in Provence.',
      [],
      ['Mistral', 'AI'],
    ],
    [
      'Mistral the lab',
      'Mistral AI releases a model',
      'Mistral AI said its new language model is open source.',
      ['Mistral', 'AI'],
      [],
    ],
    [
      'Gemini the zodiac sign',
      'Gemini horoscope',
      'Gemini, your zodiac sign favours bold talks this week.',
      [],
      ['Google AI', 'Generative AI'],
    ],
    [
      'Gemini the model',
      'Google updates Gemini',
      'Google said the Gemini model now reasons better on maths, powered by its AI chips.',
      ['Google AI', 'Generative AI'],
      [],
    ],
    [
      'Claude the painter',
      'Claude Monet sale',
      'A work by Claude Monet sold at auction; Claude Monet painted water lilies.',
      [],
      ['Anthropic'],
    ],
    [
      'Claude the model',
      'Anthropic ships Claude Opus',
      'Anthropic said the Claude model is better at coding.',
      ['Anthropic', 'Generative AI'],
      [],
    ],
    [
      'Amnesty International as AI',
      'Rights report',
      'Amnesty International (AI) said police used force. AI urged an inquiry into the arrests.',
      [],
      ['AI'],
    ],
    [
      'artificial insemination as AI',
      'Dairy breeding',
      'Farmers rely on AI with sexed semen to breed heifers; AI technicians visit each herd.',
      [],
      ['AI'],
    ],
    [
      'lower-case "ai" is not AI',
      'Bonsai show',
      'The ai of the gardener, a Japanese word, was on display at the bonsai show in spring.',
      [],
      ['AI'],
    ],
    [
      'xAI is case-sensitive',
      'XAI methods for doctors',
      'Explainable AI (XAI) helps doctors trust predictions from clinical AI models.',
      ['AI'],
      ['xAI'],
    ],
    ['xAI the company', 'xAI raises money', 'Elon Musk’s xAI raised funding to train Grok.', ['xAI'], []],
    [
      'plural of an alias',
      'Startups build chatbots',
      'Chatbots and LLMs are everywhere; large language models power them.',
      ['Generative AI'],
      [],
    ],
    [
      'no AI at all',
      'Phone maker launches foldable',
      'A phone maker released a foldable phone with a larger battery and a new hinge.',
      [],
      ['AI'],
    ],
  ])('%s', (_case, title, text, present, absent) => {
    const got = names(title, text);
    for (const p of present) expect(got, `${p} in ${got.join(',')}`).toContain(p);
    for (const a of absent) expect(got, `${a} not in ${got.join(',')}`).not.toContain(a);
  });
});

describe('classifyTopics: scores, parents, order, why', () => {
  it('implies the parent with a score ≥ its children and puts children first', () => {
    const topics = classifyTopics(
      {
        title: 'OpenAI raises funding for ChatGPT',
        text: 'OpenAI said investors valued it highly. ChatGPT revenue grew.',
      },
      taxonomy,
    );
    const ai = topics.find((t) => t.name === 'AI')!;
    const openai = topics.find((t) => t.name === 'OpenAI')!;
    expect(ai.score).toBeGreaterThanOrEqual(openai.score);
    expect(topics.at(-1)!.name).toBe('AI');
    expect(topics.indexOf(openai)).toBeLessThan(topics.indexOf(ai));
    expect(openai.why).toEqual(expect.arrayContaining(['title: OpenAI', 'text: OpenAI']));
    for (const t of topics) {
      expect(t.score).toBeGreaterThan(0);
      expect(t.score).toBeLessThanOrEqual(1);
    }
  });

  it('weighs the title above the body', () => {
    const inTitle = classifyTopics(
      { title: 'Anthropic news', text: 'A short note about the company.' },
      taxonomy,
    ).find((t) => t.name === 'Anthropic');
    const inBody = classifyTopics(
      { title: 'News', text: 'A short note. '.repeat(40) + 'Anthropic. Anthropic.' },
      taxonomy,
    ).find((t) => t.name === 'Anthropic');
    expect(inTitle!.score).toBeGreaterThan(inBody!.score);
  });

  it('does not count a single passing mention deep in the body', () => {
    const text = `${'The startup builds tools for law firms and raised money. '.repeat(12)}It competes with OpenAI.`;
    expect(names('Legal startup expands', text)).not.toContain('OpenAI');
  });

  it('uses entities from the entities enricher', () => {
    const text = 'The chief executive said the AI lab would double its staff. He spoke at a conference.';
    expect(names('Interview', text)).not.toContain('OpenAI');
    const topics = classifyTopics({ title: 'Interview', text, entities: ['Sam Altman'] }, taxonomy);
    expect(topics.find((t) => t.name === 'OpenAI')?.why).toContain('entity: Sam Altman');
  });
});

describe('classifyTopics: bad input gives honest empty or low results, never an exception', () => {
  const twoMb = `${'OpenAI released a new model for developers. '.repeat(10)}${'Filler words about nothing in particular. '.repeat(50_000)}`;
  it.each([
    ['empty text', { text: '' }, 0, /empty/],
    ['whitespace only', { title: '   ', text: '\n\t ' }, 0, /empty/],
    ['title only', { title: 'Weather turns cold this weekend', text: '' }, 0, /title only/],
    ['no sentences', { text: '1234 5678 —— !!! ??? 42' }, 0, /no taxonomy term/],
    [
      'other script',
      {
        title: 'Новости',
        text: 'Компания объявила о новом продукте для школ и университетов в следующем году.',
      },
      0,
      /non-Latin script/,
    ],
    ['2 MB text', { title: 'Developer news', text: twoMb }, 1, /longer than/],
    ['not a string', { text: 42 as unknown as string }, 0, /empty/],
  ])('%s', (_name, input, minTopics, reason) => {
    const outcome = classifyTopicsWithReason(input, taxonomy);
    expect(outcome.topics.length).toBeGreaterThanOrEqual(minTopics);
    if (minTopics === 0) expect(outcome.topics).toEqual([]);
    expect(outcome.reason).toMatch(reason);
  });

  it('classifies a 2 MB text quickly', () => {
    const start = performance.now();
    classifyTopics({ title: 'x', text: twoMb }, taxonomy);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('classifyTopics speed', () => {
  it('stays under 1 ms of CPU per 3 KB article on average', () => {
    const paragraph =
      'Meta said its new Llama model was trained on Nvidia GPUs in a data center in Ohio, and the company expects revenue from AI ' +
      'features to grow. Regulators in Europe asked questions about training data. Researchers published a paper on the results. ';
    const article = {
      title: 'Meta trains Llama on a new cluster',
      text: paragraph.repeat(Math.ceil(3000 / paragraph.length)).slice(0, 3000),
    };
    for (let i = 0; i < 50; i++) classifyTopics(article, taxonomy);
    const n = 300;
    // CPU time, not wall time: the machine is shared, and waiting for a core is not our cost.
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) classifyTopics({ ...article, text: `${article.text} ${i}` }, taxonomy);
    const used = process.cpuUsage(start);
    const perArticleMs = (used.user + used.system) / 1000 / n;
    expect(perArticleMs).toBeLessThan(1);
  });
});
