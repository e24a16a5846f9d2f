import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { compileTaxonomy, type Taxonomy } from './compile-taxonomy.js';
import { TaxonomyFileSchema } from './taxonomy-schema.js';

/** The default taxonomy of the AI industry shipped with Heatwire. */
export const DEFAULT_TAXONOMY_PATH = fileURLToPath(new URL('../../../taxonomy/ai.yaml', import.meta.url));

/** Reads, validates and compiles a taxonomy YAML file (the operator's own, or the default). */
export function loadTaxonomy(path: string = DEFAULT_TAXONOMY_PATH): Taxonomy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new HeatwireError('NOT_FOUND', `taxonomy file cannot be read (${(err as Error).message})`, {
      input: path,
      cause: err,
    });
  }
  return parseTaxonomy(text, path);
}

/**
 * Parses taxonomy YAML text. Errors name `origin` and, for schema problems, the topic:
 * "ai.yaml: RECORD_INVALID …: taxonomy topic 'OpenAI' (topics[3]) aliases[0]: …".
 */
export function parseTaxonomy(text: string, origin: string): Taxonomy {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0]?.line : undefined;
    throw new HeatwireError('RECORD_YAML', `taxonomy: ${(err as Error).message.split('\n')[0]}`, {
      input: origin,
      line,
      cause: err,
    });
  }
  const parsed = TaxonomyFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new HeatwireError('RECORD_INVALID', `taxonomy ${describeIssues(parsed.error, data)}`, {
      input: origin,
    });
  }
  return compileTaxonomy(parsed.data, origin);
}

/** "topic 'OpenAI' (topics[3]) aliases[0]: message" for the first issues. */
function describeIssues(error: z.ZodError, data: unknown): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = [...issue.path];
      let where = path.length ? path.join('.') : '(file)';
      if (path[0] === 'topics' && typeof path[1] === 'number') {
        const topic = (data as { topics?: Array<{ name?: unknown }> }).topics?.[path[1]];
        const name = typeof topic?.name === 'string' ? `'${topic.name}'` : '(unnamed)';
        const rest = path
          .slice(2)
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '');
        where = `topic ${name} (topics[${path[1]}])${rest ? ` ${rest}` : ''}`;
      }
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
