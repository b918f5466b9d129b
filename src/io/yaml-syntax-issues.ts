/** A small YAML file's parse errors (rate sheet, agency profile) as issues at file:line:col. */
import type { LineCounter, YAMLError } from 'yaml';
import { issue, type Issue } from '../domain/issues.js';

export function yamlSyntaxIssues(errors: readonly YAMLError[], lineCounter: LineCounter, shown: string): Issue[] {
  return errors.map((e) => ({
    ...issue(e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', [], e.message.split('\n')[0]!.replace(/:$/, '.')),
    file: shown,
    ...lineCounter.linePos(e.pos[0]),
  }));
}
