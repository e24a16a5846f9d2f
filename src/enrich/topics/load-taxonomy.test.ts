import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/support/error-of.js';
import { loadTaxonomy, parseTaxonomy } from './load-taxonomy.js';

const minimal = (topics: string, extra = ''): string => `version: 1\n${extra}topics:\n${topics}`;
const umbrella = '  - {name: AI, slug: ai, kind: umbrella, aliases: [AI]}\n';


describe('loadTaxonomy', () => {
  it('loads the default AI taxonomy with its umbrella, companies and themes', () => {
    const t = loadTaxonomy();
    expect(t.byName.get('AI')?.def.kind).toBe('umbrella');
    expect(t.byName.get('Facebook AI')?.def.aliases).toContain('Meta AI');
    for (const name of [
      'Google AI',
      'OpenAI',
      'Microsoft AI',
      'Amazon AI',
      'Apple AI',
      'Nvidia',
      'Anthropic',
      'Mistral',
      'xAI',
    ]) {
      expect(t.byName.get(name)?.def.kind, name).toBe('company');
      expect(t.byName.get(name)?.parent, name).toBe('AI');
    }
    for (const name of [
      'Generative AI',
      'AI Hardware',
      'AI Policy & Regulation',
      'AI Research',
      'AI Business & Funding',
      'AI Talent & Leadership',
      'AI Safety',
      'Robotics',
    ]) {
      expect(t.byName.get(name)?.def.kind, name).toBe('theme');
    }
  });

  it('names the file when it cannot be read', () => {
    const e = errorOf(() => loadTaxonomy('/nonexistent/taxonomy.yaml'));
    expect(e.describe()).toMatch(/^\/nonexistent\/taxonomy\.yaml: NOT_FOUND/);
  });
});

describe('parseTaxonomy errors name the file and the topic', () => {
  it.each([
    ['YAML syntax', 'version: 1\ntopics: [\n', /^my\.yaml:\d+: RECORD_YAML/],
    [
      'missing slug',
      minimal(`${umbrella}  - {name: OpenAI, parent: AI, kind: company}\n`),
      /topic 'OpenAI' \(topics\[1\]\) slug/,
    ],
    [
      'bad kind',
      minimal(`${umbrella}  - {name: Robots, slug: robots, parent: AI, kind: gadget}\n`),
      /topic 'Robots' \(topics\[1\]\) kind/,
    ],
    [
      'unknown parent',
      minimal(`${umbrella}  - {name: Robots, slug: robots, parent: Tech, kind: theme}\n`),
      /topic 'Robots': parent 'Tech' is not a topic/,
    ],
    [
      'theme without parent',
      minimal(`${umbrella}  - {name: Robots, slug: robots, kind: theme}\n`),
      /topic 'Robots': a theme needs a parent/,
    ],
    ['duplicate name', minimal(`${umbrella}${umbrella}`), /topic 'AI': the name is used twice/],
    [
      'unknown context',
      minimal(`${umbrella}  - {name: X, slug: x, parent: AI, kind: company, requires: {context: nope}}\n`),
      /topic 'X': requires.context 'nope' is not defined/,
    ],
    [
      'negative naming a missing alias',
      minimal(
        `${umbrella}  - {name: X, slug: x, parent: AI, kind: company, aliases: [Xco], negative: [{terms: [y], aliases: [Zco]}]}\n`,
      ),
      /negative names alias 'Zco'/,
    ],
    [
      'unknown field',
      minimal(`${umbrella}  - {name: X, slug: x, parent: AI, kind: company, alias: [Xco]}\n`),
      /topic 'X' \(topics\[1\]\)/,
    ],
    ['no topics', 'version: 1\ntopics: []\n', /RECORD_INVALID.*topics/],
  ])('%s', (_name, yaml, pattern) => {
    const e = errorOf(() => parseTaxonomy(yaml, 'my.yaml'));
    expect(e.describe()).toMatch(/^my\.yaml/);
    expect(e.describe()).toMatch(pattern);
  });

  it('accepts an operator taxonomy with its own topics', () => {
    const t = parseTaxonomy(
      minimal(`${umbrella}  - {name: Chips, slug: chips, parent: AI, kind: theme, aliases: [wafer]}\n`),
      'own.yaml',
    );
    expect([...t.byName.keys()]).toEqual(['AI', 'Chips']);
    expect(t.origin).toBe('own.yaml');
  });
});
