/**
 * Guards against documents nested so deeply that yaml itself misbehaves,
 * checked before any node is composed.
 */
import type { CST } from 'yaml';

/**
 * A catalogue nests about 6 collections deep. yaml composes nodes recursively
 * and relies on catching stack overflows, but a few thousand levels can abort
 * the whole process inside V8's RegExp compiler instead; so depth is checked
 * on the (iteratively built) CST first.
 */
export const MAX_NESTING = 64;
/**
 * yaml's CST parser itself slows down quadratically and can exhaust the heap on
 * millions of nested brackets or `- - - …` indicators, so a linear byte scan
 * rejects those first. It over-counts (brackets inside strings count too), so
 * its limit is generous; the exact check on the CST enforces MAX_NESTING.
 */
const MAX_ROUGH_NESTING = 1000;

/** Offset where brackets, or block indicators on one line, pile up beyond MAX_ROUGH_NESTING. */
export function findRoughlyTooDeepNesting(text: string): number | undefined {
  const indicators = ROUGH_INDICATOR_RUN.exec(text);
  if (indicators) return indicators.index;
  // Most files have few brackets; only count depth when there are enough to matter.
  if (occurrences(text, '[') + occurrences(text, '{') <= MAX_ROUGH_NESTING) return undefined;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5b || ch === 0x7b) brackets++; // [ {
    else if ((ch === 0x5d || ch === 0x7d) && brackets > 0) brackets--; // ] }
    if (brackets > MAX_ROUGH_NESTING) return i;
  }
  return undefined;
}

/** A line starting with more than MAX_ROUGH_NESTING `-`, `?` or `:` indicators (`- - - … x`). */
const ROUGH_INDICATOR_RUN = new RegExp(`^(?:[ \\t]*[-?:]){${MAX_ROUGH_NESTING + 1}}`, 'm');

function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Offset of the first collection nested deeper than MAX_NESTING, walking the CST without recursion. */
export function findTooDeepNesting(tokens: readonly CST.Token[]): number | undefined {
  // Two parallel stacks rather than [token, depth] pairs: this walks every node of the file once.
  const stack: CST.Token[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  while (stack.length > 0) {
    const token = stack.pop()!;
    const depth = depths.pop()!;
    if (token.type === 'document') {
      if (token.value) {
        stack.push(token.value);
        depths.push(depth);
      }
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_NESTING) return token.offset;
      for (const item of token.items) {
        if (item.key) {
          stack.push(item.key);
          depths.push(depth + 1);
        }
        if (item.value) {
          stack.push(item.value);
          depths.push(depth + 1);
        }
      }
    }
  }
  return undefined;
}
