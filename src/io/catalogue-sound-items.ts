/**
 * So that one run reports everything, the cross-reference rules also run on a
 * document that failed its shape check: a malformed list item is mended where
 * it can be (a misspelt key left out, a bad field given the value of the same
 * field in a sound item of that list, so its other fields, its city say, are
 * still checked); an item that cannot be mended (a bad id) is set aside;
 * broken top-level keys get a placeholder that passes the shape check; the
 * rest is checked, and issues the mended or set-aside parts could explain (a
 * reference to their id, a pass that might have covered them, an issue
 * pointing at a borrowed value or a placeholder) are dropped.
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

/**
 * Rule issues (errors and warnings) on the sound parts of `data`; paths point
 * into the original document. A misspelt top-level key (`atractions:`) is read
 * as the key it was meant to be, so what it holds is checked too (its shape
 * issues are returned with the rest).
 */
export function rulesOnSoundItems(data: unknown, shapeIssues: readonly Issue[], mend = true): Issue[] {
  if (!isRecord(data)) return [];
  const renamed = meantTopLevelKeys(data, shapeIssues);
  if (renamed.size > 0) {
    const meant: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) meant[renamed.get(key) ?? key] = value;
    const shape = checkCatalogueShape(meant);
    const issues = shape.ok ? [] : shape.issues;
    const back = new Map([...renamed].map(([typo, key]) => [key, typo]));
    const toDocument = (i: Issue): Issue => {
      const typo = typeof i.path[0] === 'string' ? back.get(i.path[0]) : undefined;
      return typo === undefined ? i : { ...i, path: [typo, ...i.path.slice(1)] };
    };
    // The misspelt key's own issue is already reported; what lies under it is new.
    const inside = issues.filter((i) => i.path.length > 1 && back.has(String(i.path[0])));
    return [...inside, ...rulesOnSoundItems(meant, issues, mend)].map(toDocument);
  }
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
  const mended = mend ? mendItems(data, broken, shapeIssues) : { items: new Map<string, Record<string, unknown>>(), borrowed: new Set<string>() };
  const originalIndex = new Map<string, number[]>();
  const setAsideIds = new Set<string>();
  for (const [list, indices] of broken) {
    const items = data[list] as unknown[];
    const keep = items.map((_, i) => i).filter((i) => !indices.has(i) || mended.items.has(`${list}/${i}`));
    kept[list] = keep.map((i) => mended.items.get(`${list}/${i}`) ?? items[i]);
    originalIndex.set(list, keep);
    for (const i of indices) {
      if (mended.items.has(`${list}/${i}`)) continue;
      const id = (items[i] as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') setAsideIds.add(id);
    }
  }
  const incomplete = (list: string) => replaced.has(list) || broken.has(list);

  const shape = checkCatalogueShape(kept);
  // A mend that does not give a sound document after all: back to setting the broken items aside.
  if (!shape.ok) return mended.items.size > 0 ? rulesOnSoundItems(data, shapeIssues, false) : [];
  return checkCatalogueRules(normalizeCatalogue(shape.value))
    .map((i) => {
      const [list, index, ...rest] = i.path;
      const original = typeof list === 'string' && typeof index === 'number' ? originalIndex.get(list)?.[index] : undefined;
      return original === undefined ? i : { ...i, path: [list!, original, ...rest] };
    })
    .filter((i) => {
      if (typeof i.path[0] === 'string' && replaced.has(i.path[0])) return false;
      // About a value borrowed to mend an item: not the user's.
      if (i.path.length >= 3 && mended.borrowed.has(JSON.stringify(i.path.slice(0, 3)))) return false;
      const wholeList = WHOLE_LIST_CODES[i.code];
      if (wholeList !== undefined && incomplete(wholeList)) return false;
      const referenced = REFERENCED_LIST[i.code];
      if (referenced === undefined) return true;
      if (replaced.has(referenced)) return false;
      const named = i.code === 'unknown-category' ? i.path.at(-1) : valueAt(data, i.path);
      return !(typeof named === 'string' && setAsideIds.has(named));
    });
}

/** `atractions` → `attractions`: top-level unknown keys whose suggestion is a key the document lacks. */
function meantTopLevelKeys(data: Record<string, unknown>, shapeIssues: readonly Issue[]): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const i of shapeIssues) {
    if (i.code !== 'unknown-key' || i.path.length !== 1 || !i.hint) continue;
    const meant = /['"](.*)['"]/.exec(i.hint)?.[1];
    if (meant !== undefined && !(meant in data) && ![...renamed.values()].includes(meant)) renamed.set(String(i.path[0]), meant);
  }
  return renamed;
}

/**
 * Broken list items made shape-valid: each field an issue points at is left
 * out (a misspelt key) or takes the value of that field in a sound item of
 * the same list. `items` by `list/index`; `borrowed` the `[list, index,
 * field]` paths that hold a borrowed value.
 */
function mendItems(
  data: Record<string, unknown>,
  broken: ReadonlyMap<string, ReadonlySet<number>>,
  shapeIssues: readonly Issue[],
): { items: Map<string, Record<string, unknown>>; borrowed: Set<string> } {
  const items = new Map<string, Record<string, unknown>>();
  const borrowed = new Set<string>();
  for (const [list, indices] of broken) {
    const all = data[list] as unknown[];
    const sound = all.filter((item, i) => !indices.has(i) && isRecord(item)) as Record<string, unknown>[];
    for (const index of indices) {
      const item = all[index];
      if (!isRecord(item)) continue;
      const fields = shapeIssues.filter((i) => i.path[0] === list && i.path[1] === index);
      const mend: Record<string, unknown> = { ...item };
      const paths: string[] = [];
      let mendable = fields.length > 0;
      for (const f of fields) {
        const field = f.path[2];
        // The item's own id (others refer to it) cannot be borrowed; nor can a whole item be mended.
        if (typeof field !== 'string' || field === 'id') {
          mendable = false;
          break;
        }
        // A misspelt key is left out; the key it was meant to be (`ratng` → `rating`), if missing, is borrowed below.
        const meant = f.code === 'unknown-key' && f.path.length === 3 ? /['"](.*)['"]/.exec(f.hint ?? '')?.[1] : field;
        if (f.code === 'unknown-key' && f.path.length === 3) delete mend[field];
        if (meant === undefined || (meant !== field && meant in item)) continue;
        const donor = sound.find((d) => meant in d);
        if (!donor) {
          mendable = false;
          break;
        }
        mend[meant] = donor[meant];
        paths.push(JSON.stringify([list, index, meant]));
      }
      if (!mendable) continue;
      items.set(`${list}/${index}`, mend);
      for (const p of paths) borrowed.add(p);
    }
  }
  return { items, borrowed };
}

function valueAt(data: unknown, path: IssuePath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], data);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
