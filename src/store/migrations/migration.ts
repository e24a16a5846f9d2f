/**
 * One versioned schema change. Migrations are kept per dialect (`migrations/sqlite/…`, later
 * `migrations/postgres/…`) as an ordered list; a store applies the ones its database lacks, each
 * in its own transaction, and records them in `schema_migrations(version, name, applied_at)`.
 */
export interface Migration {
  /** 1, 2, 3… — strictly increasing, never reused. */
  readonly version: number;
  /** kebab-case, the file name without its number (`initial`, `search`). */
  readonly name: string;
  /** SQL run as one script inside the migration's transaction. */
  readonly up: string;
}
