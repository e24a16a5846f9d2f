import type { Entity } from './entity.js';

// Honorifics and generational suffixes that do not distinguish people.
const DROP = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * A key that identifies a person across articles: lower-case, accents folded, honorifics,
 * middle names and initials dropped — "Dr. Mark E. Zuckerberg" and "Mark Zuckerberg" both
 * give "mark zuckerberg". A single-word name keys as itself.
 */
export function canonicalPersonKey(name: string): string {
  // Called for every person mention by roles and merging: the same names recur, memoise them.
  const known = personKeys.get(name);
  if (known !== undefined) return known;
  if (personKeys.size >= 10_000) personKeys.clear();
  const key = personKeyOf(name);
  personKeys.set(name, key);
  return key;
}

const personKeys = new Map<string, string>();

function personKeyOf(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .split(/[\s.]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}'’-]/gu, ''))
    .filter((w) => w && !DROP.has(w));
  if (words.length <= 2) return words.join(' ');
  // Keep the first and last names; middle names and initials vary between outlets.
  return `${words[0]} ${words[words.length - 1]}`;
}

function keyOf(e: Entity): string {
  return `${e.type}:${e.type === 'person' ? canonicalPersonKey(e.name) : e.name.toLowerCase()}`;
}

/**
 * Merges the entity lists of several articles: one entity per type and key (people by
 * canonicalPersonKey, others by name), `count` summed, salience the maximum, `name` the
 * longest form seen and `mentions` the union of other forms. A surname-only person
 * ("Zuckerberg") joins the one full name in the lists that ends with it, when exactly one does.
 */
export function mergeEntities(lists: Entity[][]): Entity[] {
  const byKey = new Map<string, Entity & { forms: Set<string> }>();
  for (const list of lists) {
    for (const e of list) {
      const key = keyOf(e);
      const slot = byKey.get(key);
      if (!slot) {
        byKey.set(key, { ...e, mentions: [...e.mentions], forms: new Set([e.name, ...e.mentions]) });
        continue;
      }
      slot.count += e.count;
      slot.salience = Math.max(slot.salience, e.salience);
      for (const f of [e.name, ...e.mentions]) slot.forms.add(f);
      if (e.name.length > slot.name.length) slot.name = e.name;
    }
  }
  // Surname-only people join a unique full name.
  for (const [key, slot] of byKey) {
    if (slot.type !== 'person' || slot.name.includes(' ')) continue;
    const surname = canonicalPersonKey(slot.name);
    const targets = [...byKey.entries()].filter(([k, e]) => k !== key && e.type === 'person' && canonicalPersonKey(e.name).endsWith(` ${surname}`));
    const target = targets.length === 1 ? targets[0]?.[1] : undefined;
    if (!target) continue;
    target.count += slot.count;
    target.salience = Math.max(target.salience, slot.salience);
    for (const f of slot.forms) target.forms.add(f);
    byKey.delete(key);
  }
  return [...byKey.values()]
    .map(({ forms, ...e }) => ({ ...e, mentions: [...forms].filter((f) => f !== e.name) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
