/** The embedded SQLite store: `openSqliteStore(path)` returns a `Store` (src/store/store.ts). */
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
export { buildFtsQuery, tokenizeQuery } from './build-fts-query.js';
export type { SearchPlanOptions } from './search-articles.js';
