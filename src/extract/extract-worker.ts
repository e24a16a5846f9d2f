import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { toHeatwireError } from '../core/errors.js';
import { extractArticle } from './extract-article.js';

/**
 * Worker-thread side of `extract-in-subprocess.ts`: one extraction per message, answered with
 * the article or a catalogue error. Requests are validated here, answers in the parent.
 */

/** A request to the worker. */
export const ExtractRequestSchema = z.object({
  id: z.number().int(),
  html: z.string(),
  options: z
    .object({
      url: z.string().optional(),
      maxBytes: z.number().int().positive().optional(),
      timeBudgetMs: z.number().int().positive().optional(),
      oversize: z.enum(['truncate', 'refuse']).optional(),
    })
    .default({}),
});

parentPort?.on('message', (message: unknown) => {
  const request = ExtractRequestSchema.safeParse(message);
  if (!request.success) {
    parentPort?.postMessage({ id: -1, ok: false, error: { code: 'INTERNAL', message: 'malformed request to the extract worker' } });
    return;
  }
  const { id, html, options } = request.data;
  try {
    parentPort?.postMessage({ id, ok: true, article: extractArticle(html, options) });
  } catch (err) {
    const error = toHeatwireError(err, options.url);
    parentPort?.postMessage({ id, ok: false, error: { code: error.code, message: error.message } });
  }
});
