/**
 * So that one run reports everything, the cross-reference rules also run on a
 * document that failed its shape check: malformed list items are set aside,
 * broken top-level keys get a placeholder that passes the shape check, the
 * rest is checked, and issues the set-aside parts could explain (a reference
 * to their id, a pass that might have covered them, an issue pointing at a
 * placeholder) are dropped.
 */
import { normalizeCatalogue } from '../domain/catalogue/normalize.js';
import { checkCatalogueRules } from '../domain/catalogue/rules.js';
import type { Issue, IssuePath } from '../domain/issues.js';
import { checkCatalogueShape } from './catalogue-schema.js';

/** Lists whose items each carry an id that others may reference. */
const ID_LISTS = new Set(['rider_categories', 'cities', 'attractions', 'links', 'routes', 'passes', 'holidays', 'sources', 'discount_rules']);

/** Shape-valid stand-ins for a broken top-level key; keys not listed here are dropped instead. */
const PLACEHOLDERS: Readonly<Record<string, unknown>> = {
  version: 1,
  name: '',
  timezone: 'Asia/Shanghai',
  currency: 'XXX', // ISO 4217 "no currency"
  rider_categories: [{ id: 'placeholder', name: '', default: true }],
  cities: [],
  attractions: [],
  links: [],
  routes: [],
  passes: [],
  holidays: [],
};

/** Which list each reference issue points into. */
const REFERENCED_LIST: Readonly<Record<string, string>> = {
  'unknown-city': 'cities',
  'unknown-attraction': 'attractions',
  'unknown-category': 'rider_categories',
  'unknown-source': 'sources',
};

/** Rules whose verdict depends on every item of a list, which may have been set aside. */
const WHOLE_LIST_CODES: Readonly<Record<string, string>> = {
  'pass-covers-nothing': 'attractions',
  'default-category': 'rider_categories',
  'missing-default-price': 'rider_categories',
};

/** Rule issues (errors and warnings) on the sound parts of `data`; paths point into the original document. */
export function rulesOnSoundItems(data: unknown, shapeIssues: readonly Issue[]): Issue[] {
  if (!isRecord(data)) return [];
  const replaced = new Set<string>();
  const broken = new Map<string, Set<number>>();
  for (const i of shapeIssues) {
    const [key, index] = i.path;
    if (typeof key !== 'string') return [];
    if (ID_LISTS.has(key) && typeof index === 'number' && Array.isArray(data[key])) broken.set(key, (broken.get(key) ?? new Set()).add(index));
    else replaced.add(key);
  }

  const kept: Record<string, unknown> = { ...data };
  for (const key of replaced) {
    if (key in PLACEHOLDERS) kept[key] = PLACEHOLDERS[key];
    else delete kept[key];
    broken.delete(key);
  }
  const originalIndex = new Map<string, number[]>();
  const setAsideIds = new Set<string>();
  for (const [list, indices] of broken) {
    const items = data[list] as unknown[];
    const keep = items.map((_, i) => i).filter((i) => !indices.has(i));
    kept[list] = keep.map((i) => items[i]);
    originalIndex.set(list, keep);
    for (const i of indices) {
      const id = (items[i] as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') setAsideIds.add(id);
    }
  }
  const incomplete = (list: string) => replaced.has(list) || broken.has(list);

  const shape = checkCatalogueShape(kept);
  if (!shape.ok) return [];
  return checkCatalogueRules(normalizeCatalogue(shape.value))
    .map((i) => {
      const [list, index, ...rest] = i.path;
      const original = typeof list === 'string' && typeof index === 'number' ? originalIndex.get(list)?.[index] : undefined;
      return original === undefined ? i : { ...i, path: [list!, original, ...rest] };
    })
    .filter((i) => {
      if (typeof i.path[0] === 'string' && replaced.has(i.path[0])) return false;
      const wholeList = WHOLE_LIST_CODES[i.code];
      if (wholeList !== undefined && incomplete(wholeList)) return false;
      const referenced = REFERENCED_LIST[i.code];
      if (referenced === undefined) return true;
      if (replaced.has(referenced)) return false;
      const named = i.code === 'unknown-category' ? i.path.at(-1) : valueAt(data, i.path);
      return !(typeof named === 'string' && setAsideIds.has(named));
    });
}

function valueAt(data: unknown, path: IssuePath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], data);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
