/**
 * An error as a JSON document, for `--json` runs that fail (a usage error, bad
 * input data, a missing file): scripts read what went wrong from stdout, with
 * the same exit code. The issues have the shape `catalogue validate --json`
 * gives them.
 */
import type { Issue } from '../domain/issues.js';

/** The error kinds by exit code, as docs/CLI.md names them. */
const KINDS: Readonly<Record<number, string>> = {
  1: 'no',
  2: 'usage',
  3: 'data',
  4: 'not-found',
  70: 'internal',
  74: 'io',
  130: 'interrupted',
};

export interface ErrorFacts {
  readonly exitCode: number;
  readonly message: string;
  readonly hint?: string;
  readonly issues: readonly Issue[];
}

/** An issue as JSON: every field present, `null` where unknown. */
export function issueJson(i: Issue) {
  return {
    severity: i.severity,
    code: i.code,
    message: i.message,
    path: i.path,
    line: i.line ?? null,
    col: i.col ?? null,
    hint: i.hint ?? null,
  };
}

export function errorDocument(e: ErrorFacts): string {
  const doc = {
    schemaVersion: 1,
    kind: 'yangtze.error',
    exitCode: e.exitCode,
    error: KINDS[e.exitCode] ?? 'error',
    message: e.message,
    hint: e.hint ?? null,
    issues: e.issues.map(issueJson),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
