import { mkdir, writeFile, rename } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { writeJsonlRecord, writeRecordDocument } from '../ingest/records/index.js';
import type { KeyRing } from '../secure/index.js';
import type { Store } from '../store/store.js';
import { presentRecord, type PresentedRecord, type PresentOptions } from './present-record.js';
import { loadComputedRelated, withComputedRelated } from './computed-related.js';
import { withStory, type ArticleStory } from './story-of-article.js';
import type { IngestFailure } from './ingest.js';

export type ExportFormat = 'record' | 'jsonl';

export interface ExportOptions {
  format: ExportFormat;
  /** Folder to write into; without it, output goes to `write`. */
  out?: string;
  withText?: boolean;
  extended?: boolean;
  ring?: KeyRing;
  /** Where output goes without `out` (stdout in the CLI). */
  write?: (chunk: string) => void;
  onProgress?: (done: number, total: number) => void;
  /**
   * `computed` (`--related computed`): write Heatwire's related list instead of the record's own;
   * needs `computedRelated`. Default `record`: the record's own list, as it came.
   */
  related?: 'record' | 'computed';
  /** Heatwire's computed related ids of an article (the stories repository). */
  computedRelated?: (articleId: string) => Promise<string[]>;
  /**
   * The lead-image cache by source URL (loadCachedImageLookup): cached images are exported with
   * `isCached: true`, and with `extended` their Heatwire URL. Without it records go out as stored.
   */
  cachedImage?: PresentOptions['cachedImage'];
  /** With `extended`: the article's story (`heatwire.story`), from the stories repository. */
  storyOf?: (articleId: string) => Promise<ArticleStory | null>;
}

export interface ExportSummary {
  exported: number;
  files: string[];
  failed: IngestFailure[];
}

/**
 * Exports every stored article, in insertion order. `record`: one front-matter document per
 * article (`<id>.md` under `out`); `jsonl`: one line per article (`articles.jsonl` under `out`).
 * With `withText`, the decrypted full text becomes the body (record) or `text` (JSONL); a text
 * that cannot be decrypted is reported, never written as text.
 */
export async function exportArticles(store: Store, options: ExportOptions): Promise<ExportSummary> {
  const summary: ExportSummary = { exported: 0, files: [], failed: [] };
  const total = await store.countArticles();
  if (options.out) await mkdir(options.out, { recursive: true });
  const jsonlPath = options.out && options.format === 'jsonl' ? join(options.out, 'articles.jsonl') : null;
  const jsonl = jsonlPath ? createWriteStream(`${jsonlPath}.partial`) : null;
  const emit = async (chunk: string) => {
    if (jsonl) {
      if (!jsonl.write(chunk)) await once(jsonl, 'drain');
    } else options.write?.(chunk);
  };
  for await (const row of store.iterateArticles(500)) {
    const presented = presentRecord(row, options);
    if (options.related === 'computed' && options.computedRelated) {
      presented.record = withComputedRelated(presented.record, await loadComputedRelated(store, await options.computedRelated(row.id)));
    }
    if (options.extended && options.storyOf) presented.record = withStory(presented.record, await options.storyOf(row.id));
    if (presented.textError && presented.textError.code !== 'SECURED_UNREADABLE') {
      summary.failed.push({ input: row.id, code: presented.textError.code, reason: presented.textError.message });
    }
    if (options.format === 'jsonl') {
      await emit(serialiseJsonl(presented));
    } else if (options.out) {
      const path = join(options.out, `${row.id}.md`);
      await writeFile(path, writeRecordDocument(presented.record, presented.text));
      summary.files.push(path);
    } else {
      await emit(writeRecordDocument(presented.record, presented.text));
    }
    summary.exported += 1;
    options.onProgress?.(summary.exported, total);
  }
  if (jsonl && jsonlPath) {
    jsonl.end();
    await once(jsonl, 'finish');
    await rename(`${jsonlPath}.partial`, jsonlPath);
    summary.files.push(jsonlPath);
  }
  return summary;
}

function serialiseJsonl(p: PresentedRecord): string {
  const line = writeJsonlRecord(p.record, p.text);
  return line.endsWith('\n') ? line : `${line}\n`;
}
