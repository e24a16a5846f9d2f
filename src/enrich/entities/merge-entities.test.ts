import { describe, expect, it } from 'vitest';
import type { Entity } from './entity.js';
import { canonicalPersonKey, mergeEntities } from './merge-entities.js';

const person = (name: string, count = 1, mentions: string[] = []): Entity => ({ name, type: 'person', mentions, count, salience: 0.5 });

describe('canonicalPersonKey', () => {
  it.each([
    ['Mark Zuckerberg', 'mark zuckerberg'],
    ['Dr. Mark E. Zuckerberg', 'mark zuckerberg'],
    ['MARK ZUCKERBERG', 'mark zuckerberg'],
    ['Clément Delangue', 'clement delangue'],
    ['Luiz Inácio Lula da Silva', 'luiz silva'],
    ['Zuckerberg', 'zuckerberg'],
    ['Martin Luther King Jr.', 'martin king'],
  ])('%s → %s', (name, key) => {
    expect(canonicalPersonKey(name)).toBe(key);
  });
});

describe('mergeEntities', () => {
  it('merges one person across articles and sums counts', () => {
    const merged = mergeEntities([
      [person('Mark Zuckerberg', 3, ['Zuckerberg'])],
      [person('Mark E. Zuckerberg', 1)],
      [{ name: 'Meta', type: 'organization', mentions: ['Facebook'], count: 4, salience: 1 }],
    ]);
    const mz = merged.find((e) => e.type === 'person');
    expect(mz?.count).toBe(4);
    expect(mz?.name).toBe('Mark E. Zuckerberg');
    expect(mz?.mentions.sort()).toEqual(['Mark Zuckerberg', 'Zuckerberg']);
    expect(merged.find((e) => e.name === 'Meta')?.salience).toBe(1);
  });

  it('joins a surname-only person to the one full name ending with it', () => {
    const merged = mergeEntities([[person('Hegeman', 2)], [person('John Hegeman', 1)]]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ name: 'John Hegeman', count: 3 });
  });

  it('keeps a surname apart when two full names share it', () => {
    const merged = mergeEntities([[person('Lee', 1)], [person('Marcus Lee')], [person('Grace Lee')]]);
    expect(merged.map((e) => e.name).sort()).toEqual(['Grace Lee', 'Lee', 'Marcus Lee']);
  });

  it('keeps a person and an organisation with the same name apart', () => {
    const merged = mergeEntities([[person('Jordan')], [{ name: 'Jordan', type: 'place', mentions: [], count: 1, salience: 0.2 }]]);
    expect(merged).toHaveLength(2);
  });
});
