import { basename } from 'node:path';
import { enrichArticle } from '../../enrich/enrich-article.js';
import { decodeInput, sniffInputKind } from '../../ingest/read-input.js';
import { loadConfig } from '../../config/config.js';
import { enrichPathsOf, loadEnrichDeps } from '../../services/enrich-deps.js';
import { parseFile } from '../../services/ingest.js';
import type { GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { extractFields } from './extract.js';
import { inspectInputs, str } from './inspect-inputs.js';

/**
 * `heatwire analyze FILE|URL… --json`: extraction + enrichment, no store (DESIGN.md §6). Per input
 * the extract fields plus topics, entities, moves (and roles), quality and summary. HTML goes
 * through the extractor; records and plain text through their readers (first item of a file).
 */
export async function runAnalyze(inputs: string[], global: GlobalOptions, io: CliIo): Promise<number> {
  // No store: only the enrichment files of the configuration (taxonomy, providers, model).
  const deps = loadEnrichDeps(enrichPathsOf(loadConfig(io.env)));
  return inspectInputs(
    inputs,
    io,
    global.json === true,
    ({ input, bytes, url }) => {
      const text = decodeInput(bytes, input);
      const fields = sniffInputKind(url ?? basename(input), text) === 'html' ? extractFields(text, url) : null;
      const base = fields ?? fromOther(input, text);
      // Enrichment needs a date (quality, moves): a page's inferred date stands in for a declared one.
      const published = str(base.publishedDateTime) || str((base.publishedTimeGuess as { value?: unknown } | null | undefined)?.value);
      const e = enrichArticle(
        {
          title: str(base.title),
          text: str(base.text),
          ...(base.excerpt ? { excerpt: str(base.excerpt) } : {}),
          ...(base.byline ? { byline: str(base.byline) } : {}),
          ...(published ? { publishedDateTime: published } : {}),
          ...(base.siteName ? { provider: { name: str(base.siteName) } } : {}),
          ...(base.language ? { languageHint: str(base.language) } : {}),
        },
        deps,
      );
      const result = {
        ...base,
        language: e.language,
        excerpt: base.excerpt ?? e.excerpt ?? null,
        topics: e.topics.map((t) => ({ name: t.name, score: t.score, why: t.why })),
        entities: e.entities.map((x) => ({ name: x.name, type: x.type, mentions: x.mentions })),
        moves: e.moves,
        roles: e.roles,
        quality: e.quality,
        summary: e.summary,
        ...(e.errors.length ? { enrichmentErrors: e.errors } : {}),
      };
      return result;
    },
    (r) => {
      const topics = (r.topics as Array<{ name: string }>).map((t) => t.name).join(', ');
      const moves = (r.moves as Array<{ person: string; change: string; role?: string }>)
        .map((m) => `\n  move: ${m.person} ${m.change}${m.role ? ` (${m.role})` : ''}`)
        .join('');
      return `${str(r.input)}: ${str(r.title)}\n  topics: ${topics || '—'}\n  quality: ${(r.quality as { score: number }).score}${moves}\n  summary: ${str(r.summary)}\n`;
    },
  );
}

function fromOther(input: string, text: string): Record<string, unknown> {
  const [item] = parseFile(input, text);
  const r = item!.record;
  return {
    url: r.webUrl ?? null,
    title: r.title,
    byline: null,
    publishedDateTime: r.publishedDateTime ?? null,
    siteName: r.provider?.name ?? null,
    language: null,
    excerpt: r.excerpt ?? null,
    text: item!.text ?? '',
    html: null,
    leadImage: r.images?.[0] ?? null,
  };
}
