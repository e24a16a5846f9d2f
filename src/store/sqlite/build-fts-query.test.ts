import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/support/mulberry32.js';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite/index.js';
import { applyMigrations } from './apply-migrations.js';
import { buildFtsQuery, MAX_QUERY_TERMS, tokenizeQuery } from './build-fts-query.js';
import { openDatabase } from './open-database.js';

describe('buildFtsQuery', () => {
  it.each([
    ['AI', '"ai"'],
    ['AI"', '"ai"'],
    ['-foo', '"foo"'],
    ['NEAR(', '"near"'],
    ['title:chips OR ai*', '"title" AND "chips" AND "or" AND "ai"'],
    ['generative AI ai', '"generative" AND "ai"'],
    ['Meta’s model', '"meta" AND "s" AND "model"'],
    ['café', '"café"'],
    ['cafe\u0301', '"café"'],
    ['हिन्दी भाषा', '"हिन्दी" AND "भाषा"'],
    ['東京 2024', '"東京" AND "2024"'],
    ['', null],
    ['  "  ', null],
    ['\u0301 ?!', null],
    ['🙂🙂', null],
  ])('%j → %j', (query, expected) => {
    expect(buildFtsQuery(query)).toBe(expected);
  });

  it('caps the number and length of terms', () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(tokenizeQuery(many)).toHaveLength(MAX_QUERY_TERMS);
    expect(tokenizeQuery('x'.repeat(500))[0]).toHaveLength(64);
  });

  it('random and hostile inputs never make FTS5 fail, on either index', () => {
    const db = openDatabase(':memory:');
    applyMigrations(db, SQLITE_MIGRATIONS);
    const te = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?');
    const text = db.prepare('SELECT rowid FROM articles_text_fts WHERE articles_text_fts MATCH ?');
    const alphabet = ['"', "'", '(', ')', '*', '^', ':', '-', '+', 'NEAR', 'AND', 'OR', 'NOT', ' ', 'a', 'Ä', '\u0301',
      'ि', '字', '🙂', '\u0000', '\uFFFD', '{', '}', ',', '.', '1', '_', '\\', '\t', 'ß', 'İ', '\u200D', '\uE000'];
    const random = mulberry32(7);
    const rand = (n: number): number => Math.floor(random() * n);
    for (let i = 0; i < 2000; i++) {
      const query = Array.from({ length: 1 + rand(12) }, () => alphabet[rand(alphabet.length)]).join('');
      const match = buildFtsQuery(query);
      if (match === null) continue;
      expect(() => te.all(match), query).not.toThrow();
      expect(() => text.all(match), query).not.toThrow();
    }
    db.close();
  });
});
