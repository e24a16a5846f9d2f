import { describe, expect, it } from 'vitest';
import { buildPeople, type ArticlePeopleFacts } from './people.js';

const departure = (source: string, date: string): ArticlePeopleFacts => ({
  source,
  date,
  moves: [
    { person: 'Dana Whitfield', role: 'Chief Technology Officer', organization: 'Corvid Labs', change: 'departed', status: 'confirmed', evidence: `${source} says so` },
  ],
  roles: [],
});

describe('buildPeople', () => {
  it('merges one move reported by many outlets into one move with every source', () => {
    const facts = Array.from({ length: 10 }, (_, i) => departure(`https://outlet${i}.example/story`, `2025-06-0${(i % 3) + 1}T08:00:00Z`));
    const [person, ...rest] = buildPeople(facts);
    expect(rest).toEqual([]);
    expect(person!.name).toBe('Dana Whitfield');
    expect(person!.moves).toHaveLength(1);
    expect(person!.moves[0]!.sources).toHaveLength(10);
    expect(person!.roles).toEqual([
      expect.objectContaining({ title: 'Chief Technology Officer', organization: 'Corvid Labs', from: null }),
    ]);
    expect(person!.roles[0]!.to).toMatch(/^2025-06-0/);
  });

  it('joins a surname-only mention with the full name, keeps the fullest, and filters by organisation', () => {
    const facts: ArticlePeopleFacts[] = [
      departure('https://a.example/1', '2025-06-01T08:00:00Z'),
      {
        source: 'https://b.example/2',
        date: '2025-07-01T08:00:00Z',
        moves: [{ person: 'Dana Whitfield', role: 'Chief Executive Officer', organization: 'Halcyon Robotics', change: 'joined', status: 'confirmed', evidence: 'x' }],
        roles: [{ person: 'Omar Reyes', role: 'Chief Financial Officer', organization: 'Halcyon Robotics', source: 'text' }],
      },
    ];
    const people = buildPeople(facts);
    const dana = people.find((p) => p.name === 'Dana Whitfield')!;
    expect(dana.moves.map((m) => m.change)).toEqual(['departed', 'joined']);
    expect(dana.organization).toBe('Halcyon Robotics');
    expect(buildPeople(facts, 'corvid labs').map((p) => p.name)).toEqual(['Dana Whitfield']);
    expect(buildPeople(facts, 'Halcyon Robotics').map((p) => p.name)).toEqual(['Dana Whitfield', 'Omar Reyes']);
  });
});
