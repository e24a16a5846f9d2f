import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode, HeatwireError } from '../core/errors.js';
import { type ExtractedArticle, ExtractedArticleSchema, type ExtractOptions } from './extract-article.js';

/**
 * Extraction in a worker thread with a heap cap (`resourceLimits`) and a wall-clock timeout, for
 * batch and CLI use on untrusted pages. The in-process caps (size, elements, depth, attributes,
 * time budget) already bound the work; the worker adds a hard memory ceiling and a kill switch
 * in case a path they do not cover misbehaves. A worker that runs out of memory or time is
 * terminated and replaced; the page fails with EXTRACT_FAILED and the batch goes on.
 */

/** Options of an extraction worker. */
export interface ExtractWorkerOptions {
  /** Old-generation heap cap of the worker in MB (default 512). */
  memoryMb?: number;
  /** Wall-clock limit per page in ms (default 15000), enforced by terminating the worker. */
  timeoutMs?: number;
}

/** A reusable worker: pages are extracted one after another in the same thread. */
export interface ExtractWorker {
  extract(html: string, options?: Pick<ExtractOptions, 'url' | 'maxBytes' | 'timeBudgetMs' | 'oversize'>): Promise<ExtractedArticle>;
  /** Stops the worker; pending pages fail. */
  close(): Promise<void>;
}

const ResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), article: ExtractedArticleSchema }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/**
 * The worker script beside this module. Built (`.js`), it is loaded directly. From source
 * (`.ts` under tsx or vitest) a two-line ESM bootstrap registers tsx's loader in the worker
 * first: loader flags in a worker's `execArgv` are not honoured by Node 20.
 */
function spawn(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 4)), stackSizeMb: 4 };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./extract-worker.js', import.meta.url), { resourceLimits });
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const script = new URL('./extract-worker.ts', import.meta.url).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(script)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { resourceLimits });
}

const STARTUP_GRACE_MS = 20_000;

const codeOf = (code: string): ErrorCode => (code in ERROR_CODES ? (code as ErrorCode) : 'INTERNAL');

/** Starts a reusable extraction worker (spawned lazily, respawned after a crash or timeout). */
export function createExtractWorker(options: ExtractWorkerOptions = {}): ExtractWorker {
  const memoryMb = options.memoryMb ?? 512;
  const timeoutMs = options.timeoutMs ?? 15_000;
  let worker: Worker | null = null;
  let nextId = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const runOne = (html: string, opts: ExtractOptions): Promise<ExtractedArticle> =>
    new Promise<ExtractedArticle>((resolve, reject) => {
      const input = opts.url;
      const fresh = worker === null;
      const w = (worker ??= spawn(memoryMb));
      const id = nextId++;
      const fail = (detail: string, code: ErrorCode = 'EXTRACT_FAILED'): void => {
        cleanup();
        reject(new HeatwireError(code, detail, { input }));
      };
      const kill = (): void => {
        if (worker === w) worker = null;
        void w.terminate();
      };
      const onMessage = (message: unknown): void => {
        const parsed = ResponseSchema.safeParse(message);
        if (!parsed.success) {
          kill();
          return fail('the extract worker sent a malformed answer', 'INTERNAL');
        }
        if (parsed.data.id !== id) return;
        cleanup();
        if (parsed.data.ok) resolve(parsed.data.article);
        else {
          const code = codeOf(parsed.data.error.code);
          const base = `${ERROR_CODES[code].message}: `;
          const text = parsed.data.error.message;
          reject(new HeatwireError(code, text.startsWith(base) ? text.slice(base.length) : undefined, { input }));
        }
      };
      const onError = (err: Error): void => {
        kill();
        const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        fail(oom ? `the page needed more than ${memoryMb} MB` : `the extract worker crashed: ${err.message}`);
      };
      const onExit = (): void => {
        if (worker === w) worker = null;
        fail('the extract worker exited');
      };
      // A fresh worker first loads its modules (seconds under tsx on a busy machine): not the page's fault.
      const timer = setTimeout(() => {
        kill();
        fail(`no answer within ${timeoutMs} ms`);
      }, timeoutMs + (fresh ? STARTUP_GRACE_MS : 0));
      const cleanup = (): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, html, options: { url: opts.url, maxBytes: opts.maxBytes, timeBudgetMs: opts.timeBudgetMs, oversize: opts.oversize } });
    });

  return {
    extract(html, opts = {}) {
      // One page at a time per worker: answers are matched by id, and a kill affects one page only.
      const result = queue.then(() => runOne(html, opts));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

/** One page in a fresh worker (convenient; for many pages reuse `createExtractWorker`). */
export async function extractInSubprocess(
  html: string,
  options: Pick<ExtractOptions, 'url' | 'maxBytes' | 'timeBudgetMs' | 'oversize'> & ExtractWorkerOptions = {},
): Promise<ExtractedArticle> {
  const worker = createExtractWorker(options);
  try {
    return await worker.extract(html, options);
  } finally {
    await worker.close();
  }
}
