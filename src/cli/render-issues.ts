/**
 * The one renderer of input problems: `routes.yaml:12:5 error unknown-key: …`.
 * Issues are sorted by file position so the report reads top to bottom.
 */
import type { ChalkInstance } from 'chalk';
import type { Issue } from '../domain/issues.js';

export function formatIssue(issue: Issue, style: ChalkInstance): string {
  const where = issue.file
    ? `${issue.file}${issue.line !== undefined ? `:${issue.line}:${issue.col ?? 1}` : ''}`
    : '';
  const at = issue.path.length > 0 && issue.line === undefined ? ` (at ${pathToString(issue.path)})` : '';
  const severity = issue.severity === 'error' ? style.red('error') : style.yellow('warning');
  const hint = issue.hint ? ` ${issue.hint}` : '';
  return `${where ? style.bold(where) + ' ' : ''}${severity} ${issue.code}: ${issue.message}${hint}${at}`;
}

export function formatIssues(issues: readonly Issue[], style: ChalkInstance): string {
  return sortIssues(issues).map((i) => formatIssue(i, style) + '\n').join('');
}

export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? Infinity) - (b.line ?? Infinity) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}

/** ['attractions', 3, 'hours'] → attractions[3].hours */
export function pathToString(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
