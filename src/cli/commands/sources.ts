import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import type { Fetcher } from '../../ingest/fetcher/index.js';
import { addSource } from '../../services/add-source.js';
import { createEnricher, enrichPathsOf } from '../../services/enrich-deps.js';
import type { WebIngestDeps } from '../../services/ingest-web.js';
import { pollSources, type SourcePollReport } from '../../services/poll-sources.js';
import { createConfiguredFetcher } from '../../services/read-web-inputs.js';
import { canonicalFeedUrl } from '../../sources/canonical-feed-url.js';
import { SqliteSourceStore } from '../../store/sqlite/sources-repository.js';
import { FULL_TEXT_MODES, type Source } from '../../store/sources.js';
import { openContext, type CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { composeAfterStore } from '../../services/compose-after-store.js';
import { createImagesHook } from './images.js';
import { createStoriesHook } from './stories.js';

/** Version in the User-Agent (as `extract`/`feed` send it). */
const VERSION = '0.1.0';

/** The fetcher and sources repository of a command context (for `ingest` URLs and OPML too). */
export function createWebIngestDeps(ctx: CommandContext): WebIngestDeps & { close: () => Promise<void> } {
  let fetcher: Fetcher | null = null;
  const lazy: Fetcher = {
    fetch: (url, request) => {
      fetcher ??= createConfiguredFetcher({ contactUrl: ctx.config.contactUrl, allowPrivate: ctx.config.allowPrivate, version: VERSION });
      return fetcher.fetch(url, request);
    },
    close: async () => fetcher?.close(),
  };
  return { fetcher: lazy, sources: new SqliteSourceStore(ctx.store.database), close: () => lazy.close() };
}

const minutes = (flag: string) =>
  z
    .string()
    .regex(/^\d+$/, `${flag} must be a whole number of minutes`)
    .transform(Number)
    .optional();

const AddFlagsSchema = z.object({
  tag: z.array(z.string().trim().min(1)).default([]),
  fullText: z.enum(FULL_TEXT_MODES).optional(),
  minPoll: minutes('--min-poll'),
  maxPoll: minutes('--max-poll'),
});

/** `heatwire sources add URL [--tag T…] [--full-text auto|always|never] [--min-poll M] [--max-poll M]`. */
export async function runSourcesAdd(url: string, flags: unknown, global: GlobalOptions, io: CliIo): Promise<number> {
  const parsed = AddFlagsSchema.safeParse(flags);
  if (!parsed.success) throw new HeatwireError('USAGE', parsed.error.issues.map((i) => i.message).join('; '));
  const f = parsed.data;
  if (f.minPoll !== undefined && f.maxPoll !== undefined && f.minPoll > f.maxPoll) {
    throw new HeatwireError('USAGE', '--min-poll must not exceed --max-poll');
  }
  const settings = {
    tags: f.tag,
    ...(f.fullText ? { fullText: f.fullText } : {}),
    ...(f.minPoll !== undefined ? { minPollMinutes: f.minPoll } : {}),
    ...(f.maxPoll !== undefined ? { maxPollMinutes: f.maxPoll } : {}),
  };
  const ctx = await openContext(io, global);
  const web = createWebIngestDeps(ctx);
  try {
    const result = await addSource(url, settings, { ...web, now: () => new Date() });
    if (global.json) io.out(`${JSON.stringify({ type: 'source', added: result.added, ...result.source })}\n`);
    else {
      const how = result.discoveredFrom ? ` (discovered on ${result.discoveredFrom})` : '';
      io.out(`${result.added ? 'added' : 'already followed'}: #${result.source.id} ${labelOf(result.source)}${how}\n`);
    }
    return EXIT.OK;
  } finally {
    await web.close();
    await ctx.close();
  }
}

/** `heatwire sources list [--json]`: every source with its errors and next check. */
export async function runSourcesList(global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  try {
    const sources = await new SqliteSourceStore(ctx.store.database).listSources();
    for (const s of sources) io.out(global.json ? `${JSON.stringify(s)}\n` : describeSource(s));
    if (!global.json && sources.length === 0) io.err('no sources yet: heatwire sources add URL\n');
    return EXIT.OK;
  } finally {
    await ctx.close();
  }
}

/** `heatwire sources remove ID|URL`: stops following a feed (its stored articles stay). */
export async function runSourcesRemove(ref: string, global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  try {
    const store = new SqliteSourceStore(ctx.store.database);
    const source = await store.getSource(parseRef(ref));
    if (!source || !(await store.removeSource(source.id))) throw new HeatwireError('NOT_FOUND', `no source ${ref}`, { input: ref });
    io.out(global.json ? `${JSON.stringify({ type: 'removed', id: source.id, feedUrl: source.feedUrl })}\n` : `removed #${source.id} ${labelOf(source)}\n`);
    return EXIT.OK;
  } finally {
    await ctx.close();
  }
}

/** `heatwire sources check [ID|URL…]`: polls now (all sources without arguments). */
export async function runSourcesCheck(refs: string[], global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  const web = createWebIngestDeps(ctx);
  const progress = createProgress(io, !global.json, 'sources');
  try {
    let sources: Source[];
    if (refs.length) {
      sources = [];
      for (const ref of refs) {
        const s = await web.sources.getSource(parseRef(ref));
        if (!s) throw new HeatwireError('NOT_FOUND', `no source ${ref}`, { input: ref });
        sources.push(s);
      }
    } else sources = await web.sources.listSources();
    const reports = await pollSources(sources, {
      ...web,
      store: ctx.store,
      ring: ctx.ring,
      now: () => new Date(),
      enrich: createEnricher(enrichPathsOf(ctx.config)),
      // As serve's polling: stories, then the polite fetches of new lead images.
      afterStore: composeAfterStore(createStoriesHook(ctx), createImagesHook(ctx, web.fetcher)),
      onSourceDone: (r, done, total) => progress.update(done, total, r.feedUrl),
    });
    progress.stop();
    for (const r of reports) io.out(global.json ? `${JSON.stringify({ type: 'poll', ...r })}\n` : describeReport(r));
    if (!global.json && !reports.length) io.err('no sources to check\n');
    return reports.some((r) => r.status === 'failed') ? EXIT.SOME_FAILED : EXIT.OK;
  } finally {
    progress.stop();
    await web.close();
    await ctx.close();
  }
}

function parseRef(ref: string): number | string {
  return /^\d+$/.test(ref) ? Number(ref) : canonicalFeedUrl(ref);
}

function labelOf(s: Pick<Source, 'title' | 'feedUrl'>): string {
  return s.title ? `${s.title} <${s.feedUrl}>` : s.feedUrl;
}

function describeSource(s: Source): string {
  const st = s.settings;
  const lines = [
    `#${s.id}  ${labelOf(s)}`,
    `    tags: ${st.tags.join(', ') || '-'} · full text: ${st.fullText} · poll every ${st.minPollMinutes}–${st.maxPollMinutes} min`,
    `    next check ${s.nextCheckAt} · last checked ${s.lastCheckedAt ?? 'never'} · last success ${s.lastSuccessAt ?? 'never'}`,
  ];
  if (s.errorCount) {
    lines.push(`    errors: ${s.errorCount} (${s.consecutiveFailures} in a row) · last error: ${s.lastError ?? '-'}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeReport(r: SourcePollReport): string {
  const head = `#${r.id} ${labelOf(r)}: `;
  if (r.status === 'failed') return `${head}failed: ${r.error?.code ?? ''} ${r.error?.message ?? ''}; next check ${r.nextCheckAt}\n`;
  if (r.status === 'not-modified') return `${head}not modified; next check ${r.nextCheckAt}\n`;
  const pages = r.pagesFetched || r.pageFailures.length ? `, ${r.pagesFetched} page(s) fetched, ${r.pageFailures.length} page(s) failed` : '';
  const items = r.itemFailures.length ? `, ${r.itemFailures.length} item(s) failed` : '';
  return `${head}${r.new} new, ${r.updated} updated, ${r.duplicate} unchanged${pages}${items}; next check ${r.nextCheckAt}\n`;
}
