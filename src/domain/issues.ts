/**
 * Problems found in user input, as data. Wording for humans is built from these
 * in one renderer (src/cli/render-issues.ts); positions (file:line:col) are
 * attached at the edge that knows the file.
 */
export type Severity = 'error' | 'warning';

/** Path into the input document, e.g. ['attractions', 3, 'hours', 0, 'open']. */
export type IssuePath = readonly (string | number)[];

export interface Issue {
  readonly severity: Severity;
  /** Stable, kebab-case code, e.g. 'unknown-key', 'duplicate-id', 'unknown-city'. */
  readonly code: string;
  readonly path: IssuePath;
  /** One plain sentence. */
  readonly message: string;
  /** "did you mean …" and similar, already worded. */
  readonly hint?: string;
  /** Filled in at the edge: where in which file. */
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly warnings: readonly Issue[] };

export function issue(
  code: string,
  path: IssuePath,
  message: string,
  extra: { severity?: Severity; hint?: string } = {},
): Issue {
  return { severity: extra.severity ?? 'error', code, path, message, ...(extra.hint ? { hint: extra.hint } : {}) };
}
