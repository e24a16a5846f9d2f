import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';

/** The provider table shipped with Heatwire (wire services, major newspapers, tech press). */
export const DEFAULT_PROVIDERS_PATH = fileURLToPath(new URL('../../../taxonomy/providers.yaml', import.meta.url));

/** Reputation of an unknown source when the file gives no `default`: neither reward nor penalty. */
export const NEUTRAL_REPUTATION = 0.5;

const Reputation = z.number().min(0, 'reputation must be between 0 and 1').max(1, 'reputation must be between 0 and 1');

const EntrySchema = z.union([
  Reputation,
  z.strictObject({ reputation: Reputation, name: z.string().min(1).optional(), kind: z.string().min(1).optional() }),
]);

/** The YAML file: `default` reputation and a `providers` map of domain → reputation or entry. */
export const ProviderFileSchema = z.strictObject({
  default: Reputation.optional(),
  providers: z.record(
    z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'domain must be a lower-case host name like reuters.com'),
    EntrySchema,
  ),
});

/** One known source. */
export interface ProviderEntry {
  domain: string;
  reputation: number;
  name?: string;
  kind?: string;
}

/** The compiled table: domains (lower case, no `www.`) and lower-cased names → entry. */
export interface ProviderTable {
  defaultReputation: number;
  byDomain: ReadonlyMap<string, ProviderEntry>;
  byName: ReadonlyMap<string, ProviderEntry>;
  origin: string;
}

/** What {@link lookupReputation} found: the entry (when known) and the reputation used. */
export interface ReputationMatch {
  reputation: number;
  entry?: ProviderEntry;
  /** How the entry was found: `domain`, `parent-domain`, `name`, or `default`. */
  via: 'domain' | 'parent-domain' | 'name' | 'default';
}

/** Reads and validates a provider table YAML file. Errors name the file and the bad entry. */
export function loadProviderTable(path: string = DEFAULT_PROVIDERS_PATH): ProviderTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new HeatwireError('NOT_FOUND', `provider table cannot be read (${(err as Error).message})`, { input: path, cause: err });
  }
  return parseProviderTable(text, path);
}

/**
 * Parses provider-table YAML text; `origin` names it in errors:
 * "providers.yaml: RECORD_INVALID …: provider 'reuters.com': reputation must be between 0 and 1".
 */
export function parseProviderTable(text: string, origin: string): ProviderTable {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0]?.line : undefined;
    throw new HeatwireError('RECORD_YAML', `provider table: ${(err as Error).message.split('\n')[0]}`, { input: origin, line, cause: err });
  }
  const parsed = ProviderFileSchema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((issue) => {
        const [head, key, ...rest] = issue.path.map(String);
        if (head === 'providers' && key !== undefined) {
          return `provider '${key}'${rest.length ? ` ${rest.join('.')}` : ''}: ${issue.message}`;
        }
        return `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`;
      })
      .join('; ');
    throw new HeatwireError('RECORD_INVALID', `provider table: ${detail}`, { input: origin });
  }
  return compileProviderTable(parsed.data, origin);
}

/** Builds lookup maps from a validated file. */
export function compileProviderTable(file: z.infer<typeof ProviderFileSchema>, origin = '(inline)'): ProviderTable {
  const byDomain = new Map<string, ProviderEntry>();
  const byName = new Map<string, ProviderEntry>();
  for (const [domain, value] of Object.entries(file.providers)) {
    const entry: ProviderEntry = typeof value === 'number' ? { domain, reputation: value } : { domain, ...value };
    byDomain.set(normaliseDomain(domain), entry);
    if (entry.name && !byName.has(entry.name.toLowerCase())) byName.set(entry.name.toLowerCase(), entry);
  }
  return { defaultReputation: file.default ?? NEUTRAL_REPUTATION, byDomain, byName, origin };
}

/**
 * The reputation of a provider: exact domain, then parent domains (`news.bbc.co.uk` →
 * `bbc.co.uk`), then the provider's name, else the table default.
 */
export function lookupReputation(table: ProviderTable, provider?: { name?: string; domain?: string }): ReputationMatch {
  const domain = provider?.domain ? normaliseDomain(provider.domain) : '';
  if (domain) {
    const exact = table.byDomain.get(domain);
    if (exact) return { reputation: exact.reputation, entry: exact, via: 'domain' };
    const labels = domain.split('.');
    // Stop before the last label: a bare TLD ("uk") is never a provider.
    for (let i = 1; i < labels.length - 1; i++) {
      const parent = table.byDomain.get(labels.slice(i).join('.'));
      if (parent) return { reputation: parent.reputation, entry: parent, via: 'parent-domain' };
    }
  }
  const byName = provider?.name ? table.byName.get(provider.name.trim().toLowerCase()) : undefined;
  if (byName) return { reputation: byName.reputation, entry: byName, via: 'name' };
  return { reputation: table.defaultReputation, via: 'default' };
}

/** Lower case, no scheme, path, port or leading `www.`; so `https://WWW.Reuters.com/x` → `reuters.com`. */
export function normaliseDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\d?\./, '');
}
