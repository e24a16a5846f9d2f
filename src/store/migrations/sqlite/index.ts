import type { Migration } from '../migration.js';
import { migration0001Initial } from './0001-initial.js';
import { migration0002Search } from './0002-search.js';

/** Every SQLite migration, oldest first. Append new ones; never edit a released one. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [migration0001Initial, migration0002Search];
