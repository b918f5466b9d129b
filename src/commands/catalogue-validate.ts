/**
 * `yangtze catalogue validate [FILE]`: every problem in a catalogue (exit 3),
 * or a one-line summary of what it holds.
 */
import { displayPath, type CliContext } from '../cli/context.js';
import { DataError, NotFoundError } from '../cli/errors.js';
import { formatIssues } from '../cli/render-issues.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Issue } from '../domain/issues.js';
import { renderValidation, type Validation } from '../export/catalogue-validate.js';
import { countCatalogue } from '../domain/catalogue/catalogue-views.js';

/** Validates FILE, else the catalogue every other command would read. */
export async function catalogueValidate(ctx: CliContext, file: string | undefined): Promise<void> {
  const absolute = file !== undefined ? ctx.resolve(file) : ctx.cataloguePath();
  const shown = displayPath(ctx.effects.cwd, absolute);
  const { loadCatalogueFile, catalogueCacheDir } = await import('../io/load-catalogue.js');
  const result = await loadCatalogueFile(absolute, shown, { cacheDir: catalogueCacheDir(ctx.effects.env) });
  if (!result.ok) {
    if (result.issues.length === 1 && result.issues[0]!.code === 'file-not-found') {
      throw new NotFoundError(result.issues[0]!.message);
    }
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    const message = `${shown}: ${errors} error${errors === 1 ? '' : 's'}`;
    const all: Issue[] = [...result.issues, ...result.warnings];
    if (ctx.out.view === 'json') {
      // Scripts get the problems as data on stdout; people still see them on stderr.
      ctx.out.result(renderValidation({ file: shown, valid: false, issues: all }, ctx.out));
    }
    throw new DataError(message, all);
  }
  if (result.warnings.length > 0 && ctx.out.view !== 'json') ctx.out.stderr.write(formatIssues(result.warnings, ctx.out.styleErr));
  const validation: Validation = { file: shown, valid: true, counts: countCatalogue(result.value), issues: result.warnings };
  ctx.out.result(renderValidation(validation, ctx.out));
}
