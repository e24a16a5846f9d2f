import { basename, extname } from 'node:path';
import type { IncomingItem } from '../core/article.js';
import { HeatwireError, toHeatwireError } from '../core/errors.js';
import { readInput, sniffInputKind } from '../ingest/read-input.js';
import {
  jsonlLineError,
  parseJsonlLine,
  parseJsonRecords,
  parseJsonlRecords,
  parseRecordDocument,
} from '../ingest/records/index.js';
import { parsePlainText } from '../ingest/text/index.js';
import type { EnrichInput, Enrichment } from '../enrich/enrich-article.js';
import type { KeyRing } from '../secure/index.js';
import type { ArticleWrite, Store, UpsertOutcome } from '../store/store.js';
import { Batcher, failureOf } from './batcher.js';
import { expandPaths, readLines } from './ingest-sources.js';
import { readWebInput } from './read-web-inputs.js';
import { ingestWebArguments, isWebArgument, type SourceImportCounts, type WebIngestDeps } from './ingest-web.js';

/** One failed input: the file (and line) and why. */
export interface IngestFailure {
  input: string;
  line?: number;
  code: string;
  reason: string;
}

/** What `heatwire ingest` reports at the end. */
export interface IngestSummary {
  files: number;
  new: number;
  updated: number;
  duplicate: number;
  /** Records nested in `related` lists, stored as articles and linked. */
  related: number;
  failed: IngestFailure[];
  /** Sources an OPML file subscribed (src/services/ingest-web.ts); absent without OPML inputs. */
  sources?: SourceImportCounts;
}

/** Progress as ingest goes: files done of files total, items stored so far. */
export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  items: number;
  current: string;
}

export interface IngestDeps {
  store: Store;
  ring: KeyRing;
  now: () => Date;
  maxInputBytes: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Writes per transaction (default 2,000: `DEFAULT_BATCH_SIZE` in batcher.ts). */
  batchSize?: number;
  /** A batch is stored once this old even when not full (default 1,000 ms: `MAX_BATCH_AGE_MS`). */
  maxBatchAgeMs?: number;
  /**
   * A batch is stored once its items' texts (and HTML) hold this many characters, however few
   * items it has (default 32 Mi: `MAX_BATCH_TEXT_CHARS`).
   */
  maxBatchTextChars?: number;
  /** Enrichment during ingest (off when absent, e.g. in the raw ingest benchmark). */
  enrich?: (input: EnrichInput) => Enrichment;
  /**
   * Runs after each stored batch with the writes and their outcomes (same order), e.g. to cluster
   * new articles into stories or cache their lead images. A failure here is reported per batch and
   * never undoes what was stored.
   */
  afterStore?: (writes: ArticleWrite[], outcomes: UpsertOutcome[]) => Promise<void>;
  /** Fetcher and sources store for `http(s)://` arguments and `.opml` files (ingest-web.ts). */
  web?: WebIngestDeps;
}

/**
 * Ingests files and folders: each file is read, recognised, parsed and stored in batches, one
 * transaction per batch. A bad input becomes a failure in the summary; every other input still
 * ingests, and nothing already stored changes because of it.
 */
export async function ingestPaths(paths: string[], deps: IngestDeps): Promise<IngestSummary> {
  const summary: IngestSummary = { files: 0, new: 0, updated: 0, duplicate: 0, related: 0, failed: [] };
  // Bare URLs and OPML subscription lists go to the web/sources path (issue 3 §2, §4).
  await ingestWebArguments(paths.filter(isWebArgument), deps, summary);
  paths = paths.filter((p) => !isWebArgument(p));
  const expanded = await expandPaths(paths);
  expanded.errors.forEach((e) => summary.failed.push(failureOf(e)));
  // An OPML file met inside a folder subscribes its feeds, as one named on the command line does.
  const opml = expanded.files.filter((f) => isWebArgument(f.path)).map((f) => f.path);
  if (opml.length) await ingestWebArguments(opml, deps, summary);
  const files = expanded.files.filter((f) => !isWebArgument(f.path));
  const batcher = new Batcher(deps, summary);
  const progress: IngestProgress = { filesDone: 0, filesTotal: files.length, items: 0, current: '' };
  for (const file of files) {
    progress.current = file.path;
    deps.onProgress?.(progress);
    try {
      if (isJsonl(file.path)) {
        await ingestJsonlFile(file.path, deps, batcher, () => {
          progress.items = batcher.items;
          deps.onProgress?.(progress);
        });
      } else {
        const text = await readInput(file.path, { maxBytes: deps.maxInputBytes });
        for (const item of parseFile(file.path, text)) await batcher.add(item);
      }
    } catch (err) {
      summary.failed.push(failureOf(toHeatwireError(err, file.path)));
    }
    summary.files += 1;
    progress.filesDone += 1;
    progress.items = batcher.items;
    deps.onProgress?.(progress);
  }
  await batcher.flush();
  return summary;
}

/** Parses already-read file text into items, by kind (HTML pages and feeds through the web readers). */
export function parseFile(path: string, text: string): IncomingItem[] {
  const kind = sniffInputKind(path, text);
  switch (kind) {
    case 'record':
      return [parseRecordDocument(text, path)];
    case 'json':
      return parseJsonRecords(text, path);
    case 'text':
      return [parsePlainText(text, path, { fileName: basename(path) })];
    case 'jsonl': {
      const { items, errors } = parseJsonlRecords(text, path);
      if (errors[0]) throw errors[0];
      return items;
    }
    default:
      return readWebInput(kind, path, text, new Date());
  }
}

function isJsonl(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson';
}

/** JSONL is streamed line by line, so a file of any size ingests in bounded memory. */
async function ingestJsonlFile(path: string, deps: IngestDeps, batcher: Batcher, tick: () => void): Promise<void> {
  let sawLine = false;
  for await (const entry of readLines(path, deps.maxInputBytes)) {
    if ('error' in entry) {
      batcher.summary.failed.push(failureOf(entry.error));
      continue;
    }
    if (!entry.text.trim()) continue;
    sawLine = true;
    // readLines has already taken off the newline, a CR and the BOM: parse the line as it is.
    let item: IncomingItem;
    try {
      item = parseJsonlLine(entry.text, path, entry.line);
    } catch (err) {
      batcher.summary.failed.push(failureOf(jsonlLineError(err, path, entry.line)));
      continue;
    }
    await batcher.add(item);
    if (entry.line % 500 === 0) tick();
  }
  if (!sawLine) throw new HeatwireError('INPUT_EMPTY', undefined, { input: path });
}

