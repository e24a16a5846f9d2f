import type { Migration } from '../migration.js';
import { migration0001Initial } from './0001-initial.js';
import { migration0002Search } from './0002-search.js';
import { migration0003Sources } from './0003-sources.js';
import { migration0004Images } from './0004-images.js';
import { migration0005Stories } from './0005-stories.js';
import { migration0006TopicCorrections } from './0006-topic-corrections.js';
import { migration0007SealedText } from './0007-sealed-text.js';
import { migration0008TextIndexTuning } from './0008-text-index-tuning.js';

/** Every SQLite migration, oldest first. Append new ones; never edit a released one. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [migration0001Initial, migration0002Search, migration0003Sources, migration0004Images, migration0005Stories, migration0006TopicCorrections, migration0007SealedText, migration0008TextIndexTuning];
