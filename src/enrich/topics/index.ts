/** Topics: taxonomy rules (aliases, entities, negatives, requirements) plus an optional learned model. */
export {
  classifyTopics,
  classifyTopicsWithReason,
  rootOf,
  type TopicResult,
  type TopicOutcome,
} from './classify-topics.js';
export { compileTaxonomy, type Taxonomy, type CompiledTopic } from './compile-taxonomy.js';
export { loadTaxonomy, parseTaxonomy, DEFAULT_TAXONOMY_PATH } from './load-taxonomy.js';
export { scoreRules, MAX_TOPIC_CHARS, type TopicInput, type RuleScore } from './score-rules.js';
export { TaxonomyFileSchema, TopicDefSchema, type TaxonomyFile, type TopicDef } from './taxonomy-schema.js';
export { parseTrainingFile, TrainingExampleSchema, type TrainingExample } from './parse-training-file.js';
export { trainTopicModel, type TrainOptions } from './train-topic-model.js';
export { serializeModel, loadModel, TopicModelSchema, type TopicModel } from './topic-model.js';
export { predictTopics, fingerprintArticle } from './predict-topics.js';
export { applyTopicEdit, applyTopicEditToResults, mergeTopicEdits, type TopicEdit } from './apply-correction.js';
export {
  evaluateTopics,
  predictWithRules,
  crossValidate,
  type Evaluation,
  type TopicScore,
} from './evaluate-topics.js';
