/** The result of `catalogue validate`: one summary line, or a JSON document. */
import { toJson, type Output } from '../cli/output.js';
import type { CatalogueCounts } from '../domain/catalogue/catalogue-views.js';
import type { Issue } from '../domain/issues.js';
import { issueJson } from './error-json.js';

export interface Validation {
  readonly file: string;
  readonly valid: boolean;
  readonly counts?: CatalogueCounts;
  /** Errors when invalid; warnings either way. */
  readonly issues: readonly Issue[];
}

export function renderValidation(v: Validation, out: Pick<Output, 'view' | 'style'>): string {
  if (out.view === 'json') {
    return toJson({
      schemaVersion: 1,
      kind: 'yangtze.catalogue-validation',
      file: v.file,
      valid: v.valid,
      counts: v.counts ?? null,
      issues: v.issues.map(issueJson),
    });
  }
  const c = v.counts;
  if (!c) return `${v.file}: invalid\n`;
  const warnings = v.issues.length;
  const counts = [
    plural(c.cities, 'city', 'cities'),
    plural(c.attractions, 'attraction'),
    plural(c.links, 'link'),
    plural(c.routes, 'route'),
    plural(c.passes, 'pass', 'passes'),
    plural(c.holidays, 'holiday entry', 'holiday entries'),
  ].join(', ');
  const tail = warnings > 0 ? `, ${plural(warnings, 'warning')}` : '';
  const ok = out.view === 'tty' ? out.style.green('ok') : 'ok';
  return `${v.file}: ${ok}: ${counts}${tail}\n`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
