import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/catalogues');

/** Absolute path of a file in test/fixtures/catalogues. */
export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}
