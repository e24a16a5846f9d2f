import { describe, expect, it } from 'vitest';
import { applyTopicEdit, applyTopicEditToResults, mergeTopicEdits } from './apply-correction.js';
import { loadTaxonomy } from './load-taxonomy.js';

const taxonomy = loadTaxonomy();

describe('applyTopicEdit', () => {
  it('puts added topics first, implies their parents, and lets removals win', () => {
    expect(applyTopicEdit(['Robotics', 'AI'], { add: ['OpenAI'], remove: [] }, taxonomy)).toEqual(['OpenAI', 'Robotics', 'AI']);
    expect(applyTopicEdit(['Robotics', 'AI'], { add: ['OpenAI'], remove: ['AI'] }, taxonomy)).toEqual(['OpenAI', 'Robotics']);
    expect(applyTopicEdit([], { add: ['AI Hardware'], remove: [] }, taxonomy)).toEqual(['AI Hardware', 'AI']);
  });

  it('hangs a name outside the taxonomy under the umbrella and never duplicates', () => {
    expect(applyTopicEdit(['AI'], { add: ['AI in Farming', 'AI in Farming'], remove: [] }, taxonomy)).toEqual(['AI in Farming', 'AI']);
  });

  it('scores added topics 1 with the editor as the reason, keeps the scores of the others', () => {
    const out = applyTopicEditToResults([{ name: 'AI', score: 0.8, why: ['text: AI'] }], { add: ['Nvidia'], remove: [] }, taxonomy);
    expect(out).toEqual([
      { name: 'Nvidia', score: 1, why: ['editor: +Nvidia'] },
      { name: 'AI', score: 0.8, why: ['text: AI'] },
    ]);
  });
});

describe('mergeTopicEdits', () => {
  it('lets the later decision win per topic and keeps the rest of the earlier one', () => {
    expect(mergeTopicEdits({ add: ['A', 'B'], remove: ['C'] }, { add: ['C'], remove: ['A'] })).toEqual({ add: ['C', 'B'], remove: ['A'] });
    expect(mergeTopicEdits(undefined, { add: ['A'], remove: [] })).toEqual({ add: ['A'], remove: [] });
  });
});
