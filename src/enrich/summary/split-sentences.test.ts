import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/support/mulberry32.js';
import { splitSentences } from './split-sentences.js';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    ['titles and initials', 'Mr. Okafor met Dr. Lee and J. R. Adams. They agreed.', ['Mr. Okafor met Dr. Lee and J. R. Adams.', 'They agreed.']],
    ['e.g. and i.e. before lower case', 'Some robots, e.g. pickers, fail. Others, i.e. sorters, do not.', ['Some robots, e.g. pickers, fail.', 'Others, i.e. sorters, do not.']],
    ['decimals and money', 'Shares rose 3.5% to $12.40 on Monday. Volume was light.', ['Shares rose 3.5% to $12.40 on Monday.', 'Volume was light.']],
    ['Inc. mid-sentence', 'Quay Systems Inc. said profit fell. It blamed costs.', ['Quay Systems Inc. said profit fell.', 'It blamed costs.']],
    ['U.S. at a sentence end', 'It sells in the U.S. The plant opens in May.', ['It sells in the U.S.', 'The plant opens in May.']],
    ['U.S. before a name', 'The U.S. Commerce Department agreed.', ['The U.S. Commerce Department agreed.']],
    ['question inside quotes, lower-case attribution', '"Is it safe?" she asked. Nobody knew.', ['"Is it safe?" she asked.', 'Nobody knew.']],
    ['closing quote after the stop', 'He said: “We will build it.” Then he left.', ['He said: “We will build it.”', 'Then he left.']],
    ['ellipsis', 'The talks stalled… Then a deal came.', ['The talks stalled…', 'Then a deal came.']],
    ['CJK stops without spaces', '公司宣布融资。工厂明年开工！', ['公司宣布融资。', '工厂明年开工！']],
    ['Arabic question mark', 'هل ستطرح الشركة أسهمها؟ لم يتقرر ذلك.', ['هل ستطرح الشركة أسهمها؟', 'لم يتقرر ذلك.']],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('keeps headlines and breadcrumbs as their own unterminated lines, with paragraphs', () => {
    const spans = splitSentences('Home / News\n\nRobots Take Over Cold Storage\nThe plant opened today. It employs 300 people.');
    expect(spans.map((s) => [s.text, s.paragraph, s.terminated])).toEqual([
      ['Home / News', 0, false],
      ['Robots Take Over Cold Storage', 1, false],
      ['The plant opened today.', 2, true],
      ['It employs 300 people.', 2, true],
    ]);
  });

  it('joins hard-wrapped lines and reports offsets into the input', () => {
    const wrapped = 'The company said on Tuesday that its second factory would\nopen near Eindhoven next year. Staff will follow.';
    expect(texts(wrapped)).toEqual(['The company said on Tuesday that its second factory would open near Eindhoven next year.', 'Staff will follow.']);
    const t = 'First one here.  Second one there.';
    const [, second] = splitSentences(t);
    expect(t.slice(second!.start, second!.start + 6)).toBe('Second');
  });

  it('survives random and truncated input (fuzz)', () => {
    const alphabet = ['a', 'B', ' ', '.', '!', '?', '\n', '"', '“', '”', '…', '。', '3', 'Mr', 'U.S', 'é', '؟'];
    const rand = mulberry32(7);
    for (let round = 0; round < 300; round++) {
      let s = '';
      for (let i = 0, n = Math.floor(rand() * 80); i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const spans = splitSentences(s);
      for (const span of spans) expect(span.text.trim()).toBe(span.text);
      // Nothing but whitespace is lost.
      expect(spans.map((x) => x.text).join('').replace(/\s/g, '')).toBe(s.replace(/\s/g, ''));
    }
  });
});
