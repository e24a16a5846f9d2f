import { readFile } from 'node:fs/promises';
import type { EnrichDeps } from '../enrich/enrich-article.js';
import { parseTrainingFile, trainTopicModel, type TrainingExample } from '../enrich/topics/index.js';
import type { KeyRing } from '../secure/index.js';
import type { Store } from '../store/store.js';
import { readArticleText } from './read-article-text.js';
import { readTopicModel, writeTopicModel } from './topic-model-file.js';

export interface TrainTopicsDeps {
  store: Store;
  ring: KeyRing;
  taxonomy: EnrichDeps['taxonomy'];
  modelFile: string;
  now: () => Date;
}

/** What a training learned from, and the model it left. */
export interface TrainTopicsSummary {
  /** Examples read from the files. */
  examples: number;
  /** Editors' corrections (topics set) learned from in this training. */
  corrections: number;
  /** Topics the model now scores, and those of them outside the taxonomy. */
  topics: string[];
  learned: string[];
  modelFile: string;
}

/**
 * `heatwire topics train [FILE.jsonl…]`: learns from labeled files and from the editors'
 * corrections no training has used yet, warm-starting from the current model (document
 * frequencies add up, old weights are the prior), then writes the model atomically and marks the
 * corrections learned. Files are all parsed before anything is trained: one bad line names its
 * file and line and nothing changes.
 */
export async function trainTopics(files: string[], deps: TrainTopicsDeps): Promise<TrainTopicsSummary> {
  const examples: TrainingExample[] = [];
  for (const file of files) examples.push(...parseTrainingFile(await readFile(file, 'utf8'), file));
  const pending = await deps.store.listTopicCorrections({ pending: true });
  const used: string[] = [];
  for (const c of pending) {
    const row = await deps.store.getArticle(c.articleId);
    if (!row) continue;
    const text = readArticleText(row, deps.ring) || row.record.excerpt || '';
    examples.push({ title: row.title, text, topics: [...c.add.map((t) => `+${t}`), ...c.remove.map((t) => `-${t}`)] });
    used.push(c.articleId);
  }
  const previous = readTopicModel(deps.modelFile);
  const model = examples.length ? trainTopicModel(examples, deps.taxonomy, previous) : previous;
  if (model && examples.length) writeTopicModel(deps.modelFile, model);
  if (used.length) await deps.store.markTopicCorrectionsTrained(used, deps.now().toISOString());
  const topics = Object.keys(model?.topics ?? {}).sort();
  return {
    examples: examples.length - used.length,
    corrections: used.length,
    topics,
    learned: topics.filter((t) => model?.topics[t]?.learned),
    modelFile: deps.modelFile,
  };
}
