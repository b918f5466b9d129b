/**
 * Turns an issue path (['attractions', 3, 'hours', 0, 'close']) into the
 * line:col of the YAML text it came from, so every issue can be printed as
 * `routes.yaml:12:5`.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { IssuePath } from '../domain/issues.js';

/** Where on the path to point: the key itself, its value, or the map that lacks it. */
export type PositionTarget = 'key' | 'value' | 'parent';

export interface LineCol {
  readonly line: number;
  readonly col: number;
}

/**
 * The 1-based line:col for `path` in `doc`. When the path leads off the document
 * (a missing key, a default), the nearest node that exists is used.
 */
export function positionOf(doc: Document, lineCounter: LineCounter, path: IssuePath, target: PositionTarget): LineCol | undefined {
  const walked = target === 'parent' ? path.slice(0, -1) : path;
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  let reached = 0;
  for (const segment of walked) {
    if (isAlias(node)) node = node.resolve(doc);
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      // `key:` with nothing after it has no value node; point at the key.
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
    } else {
      break;
    }
    reached++;
  }
  const complete = reached === walked.length;
  const pointAt = complete && target === 'key' && keyNode ? keyNode : node;
  const offset = (pointAt as Node | null | undefined)?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset);
}
