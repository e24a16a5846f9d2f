import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadModel, serializeModel, trainTopicModel, type Taxonomy, type TopicModel } from '../enrich/topics/index.js';

/** Reads the learned topic model at `path`, or undefined when none was trained yet. */
export function readTopicModel(path: string): TopicModel | undefined {
  return existsSync(path) ? loadModel(readFileSync(path, 'utf8'), path) : undefined;
}

/** A model that knows nothing yet: no weights, no corrections (what a first correction starts from). */
export function emptyTopicModel(taxonomy: Taxonomy): TopicModel {
  return trainTopicModel([], taxonomy);
}

/**
 * Writes the model atomically (temp file + rename), so a crash or a concurrent reader never sees
 * half a model; the ingest running beside it keeps the model it loaded.
 */
export function writeTopicModel(path: string, model: TopicModel): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, serializeModel(model), { mode: 0o644 });
  renameSync(temp, path);
}
