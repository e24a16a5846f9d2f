import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { detectWrapWidth, normaliseText, splitUnits } from './normalise-text.js';

describe('normaliseText', () => {
  it('cleans line ends, BOM, invisible characters, odd spaces and lone surrogates', () => {
    const lines = normaliseText('\uFEFFa\u00A0b\u200B c\r\nd\re\u2028f\t g \uD800', 'x');
    expect(lines).toEqual(['a b c', 'd', 'e', 'f g \uFFFD']);
  });

  it('rejects NUL characters as binary input', () => {
    expect(() => normaliseText('abc\u0000def', 'x')).toThrow(HeatwireError);
  });
});

describe('splitUnits', () => {
  const wrapped = [
    'The town opened its first seed library on Saturday in the former post',
    'office building, where residents can now borrow packets of vegetable',
    'and flower seeds and return seeds from their own harvest in autumn.',
    '',
    'The project was started by a group of allotment holders who had been',
    'swapping seeds informally for years and catalogued three hundred kinds.',
  ];

  it('unwraps hard-wrapped paragraphs', () => {
    expect(detectWrapWidth(wrapped)).not.toBeNull();
    const units = splitUnits(['Seed library opens', '', ...wrapped], () => false);
    expect(units).toHaveLength(3);
    expect(units[0]).toBe('Seed library opens');
    expect(units[1]).toContain('former post office building');
  });

  it('keeps a stand-alone line out of a wrapped paragraph', () => {
    const units = splitUnits(
      [...wrapped.slice(0, 2), 'Advertisement', wrapped[2] ?? ''],
      (l) => l === 'Advertisement',
    );
    expect(units).toContain('Advertisement');
  });

  it('treats each line as a paragraph when the text is not wrapped', () => {
    const lines = [
      'Site',
      '',
      'Title of the piece',
      'A long first paragraph '.repeat(8),
      'Another one '.repeat(12),
    ];
    expect(detectWrapWidth(lines)).toBeNull();
    expect(splitUnits(lines, () => false)).toHaveLength(4);
  });
});
