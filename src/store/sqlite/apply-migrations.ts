import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import type { Migration } from '../migrations/migration.js';

const AppliedRowSchema = z.object({ version: z.number().int(), name: z.string() });

/** What `applyMigrations` found and did. */
export interface MigrationReport {
  /** Schema version after the call. */
  version: number;
  /** Versions applied by this call, in order. */
  applied: number[];
}

/**
 * Brings the database to the newest schema in `migrations`: each missing migration runs in its
 * own IMMEDIATE transaction (the write lock is taken first, so two processes opening the same
 * file cannot both apply it) and is recorded in `schema_migrations`. A database that has a
 * version this list does not know — written by a newer Heatwire — is refused untouched, as is
 * one whose recorded name for a version differs (a different history). Read-only: nothing is
 * written; a database that lacks a migration is refused.
 */
export function applyMigrations(
  db: Database,
  migrations: readonly Migration[],
  options: { readonly?: boolean; now?: () => string } = {},
): MigrationReport {
  checkMigrationList(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  if (!options.readonly) {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  }
  const applied = readApplied(db);
  checkApplied(applied, migrations, db.name);
  const missing = migrations.filter((m) => !applied.has(m.version));
  if (missing.length === 0) return { version: latest, applied: [] };
  if (options.readonly) {
    throw new HeatwireError(
      'STORE_FAILED',
      `the database is at schema version ${Math.max(0, ...applied.keys())} and needs ${latest}; open it once read-write to upgrade`,
      { input: db.name },
    );
  }
  const now = options.now ?? (() => new Date().toISOString());
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of missing) {
    const run = db.transaction(() => {
      // Another process may have applied it between our read and our lock.
      if (readApplied(db).has(migration.version)) return false;
      db.exec(migration.up);
      record.run(migration.version, migration.name, now());
      return true;
    });
    try {
      if (run.immediate()) done.push(migration.version);
    } catch (err) {
      throw new HeatwireError(
        'STORE_FAILED',
        `migration ${migration.version}-${migration.name} failed and was rolled back: ${(err as Error).message}`,
        { input: db.name, cause: err },
      );
    }
  }
  return { version: latest, applied: done };
}

/** Versions recorded in `schema_migrations` with their names; empty when the table is absent. */
export function readApplied(db: Database): Map<number, string> {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return new Map();
  const rows = z.array(AppliedRowSchema).parse(db.prepare('SELECT version, name FROM schema_migrations').all());
  return new Map(rows.map((r) => [r.version, r.name]));
}

function checkApplied(applied: Map<number, string>, migrations: readonly Migration[], input: string): void {
  const known = new Map(migrations.map((m) => [m.version, m.name]));
  const latest = migrations.at(-1)?.version ?? 0;
  for (const [version, name] of applied) {
    if (!known.has(version)) {
      // Refuse rather than run old code on a schema it does not understand.
      throw new HeatwireError(
        'STORE_FAILED',
        `the database is at schema version ${version} (${name}), newer than this Heatwire knows (${latest}); upgrade Heatwire to open it`,
        { input },
      );
    }
    if (known.get(version) !== name) {
      throw new HeatwireError(
        'STORE_FAILED',
        `schema version ${version} is recorded as "${name}" but this Heatwire calls it "${known.get(version)}"; the database has a different history`,
        { input },
      );
    }
  }
}

function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new HeatwireError('INTERNAL', `migration list out of order: position ${i + 1} holds version ${m.version}`);
    }
  });
}
