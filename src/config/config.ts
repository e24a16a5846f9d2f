import { resolve, join } from 'node:path';
import { z } from 'zod';

/**
 * One typed Config from the environment and command-line flags. This module is the only reader
 * of `process.env` (STYLE.md): everything else receives the values it needs.
 */
export const ConfigSchema = z.object({
  dataDir: z.string().min(1),
  db: z.string().min(1),
  keyFile: z.string().min(1),
  secretKey: z.string().min(1).optional(),
  oldKeys: z.string().min(1).optional(),
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  maxInputBytes: z.number().int().positive(),
  loadSample: z.boolean(),
  contactUrl: z.string().url(),
  allowPrivate: z.array(z.string()),
  /** The operator's taxonomy (YAML); the shipped `taxonomy/ai.yaml` when absent. */
  taxonomyFile: z.string().min(1).optional(),
  /** The operator's provider reputation table (YAML); the shipped one when absent. */
  providersFile: z.string().min(1).optional(),
  /** The learned topic model (`heatwire topics train`), read by enrichment when it exists. */
  topicModelFile: z.string().min(1),
  /** People and organisations the desk watches: stories naming them run hotter (docs/heat.md). */
  watch: z.object({ people: z.array(z.string().min(1)), orgs: z.array(z.string().min(1)) }),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Flags that override the environment (from the CLI). */
export interface ConfigFlags {
  db?: string;
  host?: string;
  port?: number;
  sample?: boolean;
}

function listOf(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Builds the Config; throws a ZodError naming the bad variable when a value is invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: ConfigFlags = {}): Config {
  const dataDir = resolve(env.HEATWIRE_DATA ?? 'data');
  const port = flags.port ?? (env.HEATWIRE_PORT ? Number(env.HEATWIRE_PORT) : 8080);
  return ConfigSchema.parse({
    dataDir,
    db: flags.db ?? env.HEATWIRE_DB ?? join(dataDir, 'heatwire.db'),
    keyFile: resolve(env.HEATWIRE_KEY_FILE ?? join(dataDir, 'heatwire.key')),
    secretKey: env.HEATWIRE_SECRET_KEY || undefined,
    oldKeys: env.HEATWIRE_OLD_KEYS || undefined,
    host: flags.host ?? env.HEATWIRE_HOST ?? '127.0.0.1',
    port,
    maxInputBytes: env.HEATWIRE_MAX_INPUT_BYTES ? Number(env.HEATWIRE_MAX_INPUT_BYTES) : 20 * 1024 * 1024,
    loadSample: flags.sample ?? env.HEATWIRE_SAMPLE !== '0',
    contactUrl: env.HEATWIRE_CONTACT_URL ?? 'https://github.com/heatwire/heatwire',
    allowPrivate: (env.HEATWIRE_ALLOW_PRIVATE ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    taxonomyFile: env.HEATWIRE_TAXONOMY ? resolve(env.HEATWIRE_TAXONOMY) : undefined,
    providersFile: env.HEATWIRE_PROVIDERS ? resolve(env.HEATWIRE_PROVIDERS) : undefined,
    topicModelFile: resolve(env.HEATWIRE_TOPIC_MODEL ?? join(dataDir, 'topic-model.json')),
    watch: { people: listOf(env.HEATWIRE_WATCH_PEOPLE), orgs: listOf(env.HEATWIRE_WATCH_ORGS) },
  });
}
