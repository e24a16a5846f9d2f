import { readFile } from 'node:fs/promises';
import { toHeatwireError } from '../../core/errors.js';
import { decodeInput } from '../../ingest/read-input.js';
import { loadConfig } from '../../config/config.js';
import { createConfiguredFetcher } from '../../services/read-web-inputs.js';
import type { Fetcher } from '../../ingest/fetcher/index.js';
import { EXIT, type CliIo } from '../io.js';

/** One input (file or URL) read as bytes, with what the fetch said about it. */
export interface LoadedInput {
  input: string;
  bytes: Buffer;
  url?: string;
  contentType?: string;
}

/**
 * Runs `fn` over many inputs in one process (`heatwire extract|feed`): each file is read or URL
 * fetched (politely, SSRF-guarded), `fn` turns it into an object, and one JSON line per input is
 * written with `input` echoing the argument. A failed input gives `{input, error}` and exit 1.
 */
export async function inspectInputs(
  inputs: string[],
  io: CliIo,
  json: boolean,
  fn: (loaded: LoadedInput) => Record<string, unknown> | Promise<Record<string, unknown>>,
  human: (result: Record<string, unknown>) => string,
): Promise<number> {
  const config = loadConfig(io.env);
  let fetcher: Fetcher | null = null;
  let failed = 0;
  try {
    for (const input of inputs) {
      try {
        let loaded: LoadedInput;
        if (/^https?:\/\//i.test(input)) {
          fetcher ??= createConfiguredFetcher({ contactUrl: config.contactUrl, allowPrivate: config.allowPrivate, version: '0.1.0' });
          const res = await fetcher.fetch(input);
          loaded = { input, bytes: res.body, url: res.url, contentType: res.contentType ?? undefined };
        } else {
          const bytes = await readFile(input);
          decodeInput(bytes, input); // empty / binary inputs fail here with a clear code
          loaded = { input, bytes };
        }
        const result = { input, ...(await fn(loaded)) };
        io.out(json ? `${JSON.stringify(result)}\n` : human(result));
      } catch (err) {
        failed += 1;
        const e = toHeatwireError(err, input);
        io.out(json ? `${JSON.stringify({ input, error: { code: e.code, message: e.message } })}\n` : '');
        io.err(`failed: ${e.describe()}\n`);
      }
    }
  } finally {
    await fetcher?.close();
  }
  return failed ? EXIT.SOME_FAILED : EXIT.OK;
}

/** A field of a result object as display text ('' when absent or not a string). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
