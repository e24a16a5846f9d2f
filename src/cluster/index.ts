/** Near-duplicates and online story clustering: pure, state behind injected ports. */
export * from './tokenize-text.js';
export * from './minhash-signature.js';
export * from './lsh-index.js';
export * from './find-near-duplicate.js';
export * from './story-terms.js';
export * from './story-index.js';
export * from './story-state.js';
export * from './assign-story.js';
export * from './edit-stories.js';
export * from './score-bcubed.js';
export * from './cluster-article.js';
export * from './choose-related.js';
