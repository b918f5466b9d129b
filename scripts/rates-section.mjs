// The `rates:` section of routes.yaml, read from scripts/rates.yaml (reference rates for
// `yangtze quote`, each with a source or an estimate's basis). Kept apart from the facts
// pipeline in facts-to-routes.mjs: rates are curated by hand, not compiled from facts.yaml.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import YAML from 'yaml';

export function ratesSection(root) {
  return YAML.parse(readFileSync(resolve(root, 'scripts/rates.yaml'), 'utf8'));
}
