import { loadConfig, type Config, type ConfigFlags } from '../config/config.js';
import { HeatwireError } from '../core/errors.js';
import { loadKeyRing, type KeyRing } from '../secure/index.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/index.js';
import type { CliIo } from './io.js';

/** Global flags every command accepts. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** What a command runs against: config, the store, and the key ring. */
export interface CommandContext {
  config: Config;
  /** The embedded store; its `database` opens the sibling repositories (sources, stories, images). */
  store: SqliteStore;
  ring: KeyRing;
  close: () => Promise<void>;
}

/** Opens the configured store and key ring. PostgreSQL URLs are refused until that backend lands. */
export async function openContext(io: CliIo, global: GlobalOptions, flags: ConfigFlags = {}): Promise<CommandContext> {
  const config = loadConfig(io.env, { ...flags, ...(global.db ? { db: global.db } : {}) });
  if (/^postgres(ql)?:\/\//i.test(config.db)) {
    throw new HeatwireError('USAGE', 'the PostgreSQL store is not available yet; use a SQLite path');
  }
  const ring = await loadKeyRing({
    envKey: config.secretKey,
    oldKeys: config.oldKeys,
    keyFile: config.keyFile,
    createIfMissing: true,
  });
  for (const warning of ring.warnings) io.err(`warning: ${warning}\n`);
  const store = await openSqliteStore(config.db);
  return { config, store, ring, close: () => store.close() };
}
