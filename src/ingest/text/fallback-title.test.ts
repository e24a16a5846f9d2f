import { describe, expect, it } from 'vitest';
import { titleFromFileName, titleFromText } from './fallback-title.js';

describe('titleFromFileName', () => {
  it.each([
    ['pool-closure-vote.txt', 'Pool closure vote'],
    ['/data/in/2024-03-12_harbour_strike_ends.txt', 'Harbour strike ends'],
    ['002_d58b627f07bf3a7d.txt', undefined],
    ['IMG_2041.txt', undefined],
    ['notes.txt', undefined],
    [undefined, undefined],
  ])('%j → %j', (name, title) => {
    expect(titleFromFileName(name)).toBe(title);
  });
});

describe('titleFromText', () => {
  it('takes the first sentence without its period', () => {
    expect(titleFromText('The pool will close in August. Residents are angry.')).toBe(
      'The pool will close in August',
    );
  });

  it('does not stop at an abbreviation followed by a lower-case word', () => {
    expect(titleFromText('The pool closes at 5 p.m. on weekdays now. More later.')).toBe(
      'The pool closes at 5 p.m. on weekdays now',
    );
  });

  it('cuts a long sentence at a word boundary with an ellipsis', () => {
    const title = titleFromText(`${'word '.repeat(60)}end.`);
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title.endsWith('word…')).toBe(true);
  });
});
