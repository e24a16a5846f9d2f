import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrichArticle, type EnrichDeps, type EnrichInput, type Enrichment } from '../enrich/enrich-article.js';
import { loadProviderTable } from '../enrich/quality/provider-table.js';
import { loadModel, loadTaxonomy } from '../enrich/topics/index.js';
import type { Config } from '../config/config.js';
import { packageRoot } from './package-root.js';

/** Where the enrichment data lives; defaults are the files shipped in `taxonomy/`. */
export interface EnrichPaths {
  taxonomy?: string;
  providers?: string;
  /** A trained topic model (JSON), when one exists. */
  model?: string;
}

/** The enrichment files a configuration names (HEATWIRE_TAXONOMY, HEATWIRE_PROVIDERS, HEATWIRE_TOPIC_MODEL). */
export function enrichPathsOf(config: Pick<Config, 'taxonomyFile' | 'providersFile' | 'topicModelFile'>): EnrichPaths {
  return {
    ...(config.taxonomyFile ? { taxonomy: config.taxonomyFile } : {}),
    ...(config.providersFile ? { providers: config.providersFile } : {}),
    model: config.topicModelFile,
  };
}

/**
 * Loads the taxonomy, provider table and (if present) the topic model once, for every article
 * of a run. Paths resolve from the package root so the built CLI finds the shipped files too.
 */
export function loadEnrichDeps(paths: EnrichPaths = {}): EnrichDeps {
  const root = packageRoot();
  const modelPath = paths.model ?? join(root, 'data', 'topic-model.json');
  return {
    taxonomy: loadTaxonomy(paths.taxonomy ?? join(root, 'taxonomy', 'ai.yaml')),
    providers: loadProviderTable(paths.providers ?? join(root, 'taxonomy', 'providers.yaml')),
    ...(existsSync(modelPath) ? { model: loadModel(readFileSync(modelPath, 'utf8'), modelPath) } : {}),
  };
}

/** The enrichment function ingest uses: deps loaded once, then one call per article. */
export function createEnricher(paths: EnrichPaths = {}): (input: EnrichInput) => Enrichment {
  const deps = loadEnrichDeps(paths);
  return (input) => enrichArticle(input, deps);
}
