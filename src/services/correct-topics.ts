import { HeatwireError } from '../core/errors.js';
import type { NewsRecord } from '../core/record.js';
import type { EnrichDeps } from '../enrich/enrich-article.js';
import {
  applyTopicEdit,
  applyTopicEditToResults,
  fingerprintArticle,
  mergeTopicEdits,
  type TopicEdit,
  type TopicResult,
} from '../enrich/topics/index.js';
import type { KeyRing } from '../secure/index.js';
import type { Store } from '../store/store.js';
import { readArticleText } from './read-article-text.js';
import { emptyTopicModel, readTopicModel, writeTopicModel } from './topic-model-file.js';

/** What `correctTopics` needs: the store, the key ring (the text identifies the article to the model), the taxonomy and the model file. */
export interface CorrectTopicsDeps {
  store: Store;
  ring: KeyRing;
  taxonomy: EnrichDeps['taxonomy'];
  modelFile: string;
  now: () => Date;
}

/** The article's topics after the edit. */
export interface CorrectTopicsResult {
  id: string;
  before: string[];
  after: string[];
}

/**
 * `heatwire topics set ID +Topic -Topic`: the editor's decision applies at once to the article
 * (its topic list, its record's `topics` when the record has one, the scored list in Heatwire's
 * fields), is kept in the store (so reprocess and later trainings honour it), and is added to
 * the model's corrections under the article's fingerprint (so the same article re-ingested from
 * elsewhere is classified that way too). The weights learn from it at the next `topics train`.
 */
export async function correctTopics(id: string, edit: TopicEdit, deps: CorrectTopicsDeps): Promise<CorrectTopicsResult> {
  if (!edit.add.length && !edit.remove.length) {
    throw new HeatwireError('USAGE', 'give at least one +Topic or -Topic', { input: id });
  }
  const both = edit.add.filter((t) => edit.remove.includes(t));
  if (both.length) throw new HeatwireError('USAGE', `a topic is both added and removed: ${both.join(', ')}`, { input: id });
  const row = await deps.store.getArticle(id);
  if (!row) throw new HeatwireError('NOT_FOUND', `no stored article with id ${id}`, { input: id });

  const after = applyTopicEdit(row.topics, edit, deps.taxonomy);
  const scored = Array.isArray(row.extended.topics) ? (row.extended.topics as TopicResult[]) : [];
  // Edits accumulate: "+A" today and "-B" tomorrow is the decision {+A, -B}.
  const merged = mergeTopicEdits(row.extended.editorTopics as TopicEdit | undefined, edit);
  const extended = { ...row.extended, topics: applyTopicEditToResults(scored, edit, deps.taxonomy), editorTopics: merged };
  const record: NewsRecord | undefined =
    row.record.topics !== undefined ? { ...row.record, topics: applyTopicEdit(row.record.topics, edit, deps.taxonomy) } : undefined;
  const now = deps.now().toISOString();

  // The model file first: if it cannot be written, nothing in the store has changed yet.
  const text = readArticleText(row, deps.ring) || row.record.excerpt || '';
  const model = readTopicModel(deps.modelFile) ?? emptyTopicModel(deps.taxonomy);
  model.corrections[fingerprintArticle(row.title, text)] = merged;
  writeTopicModel(deps.modelFile, model);

  await deps.store.updateEnrichment([{ id, topics: after, extended, ...(record ? { record } : {}) }]);
  await deps.store.saveTopicCorrection({ articleId: id, add: merged.add, remove: merged.remove, createdAt: now });
  return { id, before: row.topics, after };
}

/** Parses `+Topic` / `-Topic` arguments (a bare name means add). */
export function parseTopicEdit(args: string[]): TopicEdit {
  const edit: TopicEdit = { add: [], remove: [] };
  for (const raw of args) {
    const sign = raw[0];
    const name = (sign === '+' || sign === '-' ? raw.slice(1) : raw).trim();
    if (!name) throw new HeatwireError('USAGE', `empty topic name in "${raw}"`);
    (sign === '-' ? edit.remove : edit.add).push(name);
  }
  return edit;
}
