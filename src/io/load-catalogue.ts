import type { Catalogue } from '../domain/catalogue/model.js';
import type { Result } from '../domain/issues.js';

/** Reads, parses and validates a catalogue file. `shownPath` names the file in issues. */
export async function loadCatalogueFile(file: string, shownPath: string): Promise<Result<Catalogue>> {
  void file;
  return { ok: false, issues: [{ severity: 'error', code: 'not-implemented', path: [], message: `${shownPath}: loader not written yet` }], warnings: [] };
}
