/**
 * zod's issues for the small input files (rate sheets, agency profiles) as
 * project issues: a stable code, the path, one plain sentence. The catalogue
 * has its own, richer wording (catalogue-schema.ts).
 */
import type * as z from 'zod';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { issue, type Issue } from '../domain/issues.js';

export function zodIssues(error: z.ZodError, allowedKeys: (path: readonly (string | number)[]) => readonly string[] = () => []): Issue[] {
  return error.issues.flatMap((zi): Issue[] => {
    const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
    const input = (zi as { input?: unknown }).input;
    switch (zi.code) {
      case 'unrecognized_keys':
        return zi.keys.map((k) => {
          const guess = didYouMean(k, allowedKeys(path));
          return issue('unknown-key', [...path, k], `Unknown key "${k}".`, guess ? { hint: suggestionText(guess) } : {});
        });
      case 'invalid_type':
        return input === undefined
          ? [issue('missing-key', path, `Missing required key "${String(path.at(-1))}".`)]
          : [issue('wrong-type', path, `Expected ${zi.expected}, got ${show(input)}.`)];
      case 'invalid_value':
        if (input === undefined) return [issue('missing-key', path, `Missing required key "${String(path.at(-1))}".`)];
        return [issue('bad-value', path, `${show(input)} is not one of ${zi.values.map(String).join(', ')}.`)];
      case 'invalid_format':
        return [issue('bad-value', path, `${show(input)} is not ${zi.message || 'valid'}.`)];
      case 'too_small':
        return [issue('out-of-range', path, `${show(input)} is below the minimum ${String(zi.minimum)}.`)];
      case 'too_big':
        return [issue('out-of-range', path, `${show(input)} is above the maximum ${String(zi.maximum)}.`)];
      case 'not_multiple_of':
        return [issue('bad-money', path, `${show(input)} has more than 2 decimals.`)];
      case 'custom':
        return [issue(typeof zi.params?.code === 'string' ? zi.params.code : 'bad-value', path, zi.message)];
      default:
        return [issue('bad-value', path, `${zi.message}.`)];
    }
  });
}

function show(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return String(v);
}
