import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { HeatwireError } from '../../core/errors.js';

/** Connection settings; the defaults suit a laptop and a single busy writer. */
export interface DatabaseOptions {
  readonly?: boolean;
  /** How long a statement waits for another connection's lock before failing (ms). */
  busyTimeoutMs?: number;
  /** Page cache per connection, in KiB. */
  cacheKiB?: number;
  /** Bytes of the file mapped into memory for reads. */
  mmapBytes?: number;
}

/** True for SQLite's private in-memory database names. */
export function isMemoryPath(path: string): boolean {
  return path === ':memory:' || path === '';
}

/**
 * Opens a better-sqlite3 connection with Heatwire's pragmas, creating the parent directory.
 * WAL lets readers (web requests) run beside the writer; with WAL, synchronous=NORMAL is safe
 * against corruption and loses at most the last commits on power loss
 * (https://sqlite.org/pragma.html#pragma_synchronous). foreign_keys is off by default in SQLite
 * and must be enabled per connection.
 */
export function openDatabase(path: string, options: DatabaseOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  if (readonly && isMemoryPath(path)) {
    throw new HeatwireError('USAGE', 'an in-memory store cannot be opened read-only', { input: path });
  }
  let db: Database.Database;
  try {
    if (!readonly && !isMemoryPath(path) && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (err) {
    throw new HeatwireError('STORE_FAILED', `cannot open ${path}: ${(err as Error).message}`, { input: path, cause: err });
  }
  try {
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    if (!readonly) {
      // 16 KiB pages for a new database (a no-op on an existing one): an article row with its
      // ciphertext (~4–5 KB) fits one page instead of an overflow chain, and FTS5 segments need
      // fewer pages; bench:ingest's SQLite share dropped ~15% (docs/benchmarks/ingest.md).
      // Must come before WAL is entered: the page size of a WAL database cannot change.
      db.pragma('page_size = 16384');
      // An in-memory database answers 'memory' and keeps it; that is fine for tests.
      db.pragma('journal_mode = WAL');
      // Bound the WAL file after checkpoints (64 MiB) instead of letting it keep its peak size.
      db.pragma('journal_size_limit = 67108864');
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${Math.trunc(options.cacheKiB ?? 32768)}`);
    db.pragma(`mmap_size = ${Math.trunc(options.mmapBytes ?? 268435456)}`);
    db.pragma('temp_store = MEMORY');
    // Probe: a file that is not a database fails here, not on first use.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    throw new HeatwireError('STORE_FAILED', `cannot use ${path}: ${(err as Error).message}`, { input: path, cause: err });
  }
  return db;
}
