/**
 * YAML parse errors (catalogue, rate sheet, agency profile) as issues at
 * file:line:col, worded once: a duplicated key is named ("the key \"name\"
 * appears twice …"), where yaml says only "Map keys must be unique".
 */
import type { LineCounter, YAMLError } from 'yaml';
import { issue, type Issue } from '../domain/issues.js';

/** `text`: the document the errors are in, to read a duplicated key back from its position. */
export function yamlSyntaxIssues(errors: readonly YAMLError[], lineCounter: LineCounter, shown: string, text: string): Issue[] {
  return errors.map((e) => ({
    ...(e.code === 'DUPLICATE_KEY' ? issue('duplicate-key', [], duplicateKeyMessage(text, e.pos[0])) : issue('yaml-syntax', [], sentence(e.message))),
    file: shown,
    ...lineCounter.linePos(e.pos[0]),
  }));
}

/** yaml points at the second occurrence; its plain or quoted text up to the colon is the key. */
function duplicateKeyMessage(text: string, at: number): string {
  const key = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^:#\n]*?))\s*:/.exec(text.slice(at, at + 200));
  const name = key ? (key[1] ?? key[2] ?? key[3]) : undefined;
  return name ? `The key "${name}" appears twice in the same mapping; keep one.` : 'Map keys must be unique.';
}

/** yaml's message, first line only, as a sentence. */
function sentence(message: string): string {
  const line = (message.split('\n')[0] ?? message).replace(/:$/, '');
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
