/**
 * The one definition of the routes.yaml shape (design/CATALOGUE.md), in zod.
 * The loader checks documents against it, `catalogue schema` derives the JSON
 * Schema from it, and its output fits domain/catalogue/raw-catalogue.ts. Cross-reference
 * rules (unknown ids, overlapping seasons, …) live in domain/catalogue/rules.ts.
 */
import * as z from 'zod';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { issue, type Issue, type IssuePath, type Result } from '../domain/issues.js';
import { LINK_MODES, RATINGS, WEEKDAYS } from '../domain/catalogue/model.js';
import type { RawCatalogue } from '../domain/catalogue/raw-catalogue.js';
import { parseDuration } from '../domain/catalogue/parse-duration.js';
import { date, dateOrRange, duration, id, location, months, patterned, PATTERN_CODES, prices, theme, time } from './catalogue-schema-values.js';
import { cityFacts, attractionFacts, linkFacts, passFacts, topLevelFacts } from './catalogue-schema-facts.js';
import { withOsmHours } from './catalogue-osm-hours.js';

export { PATTERN_CODES } from './catalogue-schema-values.js';
import { catalogueRatesSchema } from './catalogue-rates-schema.js';
import { cruisesSection } from './catalogue-schema-cruises.js';

export const SUPPORTED_VERSION = 1;

const MINUTES_PER_DAY = 24 * 60;

const facts = z
  .strictObject({
    checked: patterned(
      /^\d{4}-\d{2}(?:-\d{2})?$/,
      'bad-date',
      'a month "YYYY-MM" or a date "YYYY-MM-DD"',
      'When the facts were last confirmed: YYYY-MM or YYYY-MM-DD.',
    ).optional(),
    unconfirmed: z.array(z.string()).default([]).meta({ description: 'Field names whose values are estimates.' }),
    sources: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .meta({ description: 'Provenance, shown to agents before they sell.' });

const riderCategory = z.strictObject({
  id,
  name: z.string(),
  name_zh: z.string().optional(),
  default: z.boolean().default(false).meta({ description: 'Exactly one category is the default (pays the base price).' }),
});

const city = z.strictObject({
  id,
  name: z.string(),
  name_zh: z.string(),
  province: z.string(),
  location,
  lodging: z.boolean().default(true).meta({ description: 'A day may end here (hotel night).' }),
  note: z.string().optional(),
  facts: facts.optional(),
  ...cityFacts,
});

const season = z.strictObject({
  months: months.optional().meta({ description: 'Without months the season is all year.' }),
  open: time,
  close: time,
  last_entry: time.optional().meta({ description: 'Without it, the visit must end by close.' }),
  weekdays: z.array(z.enum(WEEKDAYS)).min(1).optional().meta({ description: 'Days of the week this window applies on; default every day.' }),
});

const attraction = z.strictObject({
  id,
  name: z.string(),
  name_zh: z.string(),
  city: id,
  location,
  themes: z.array(theme).min(1),
  rating: z.enum(RATINGS),
  visit: duration.meta({ description: 'Typical visit length.' }),
  hours: z
    .union([z.array(season).min(1), z.string().min(1).meta({ description: 'OpenStreetMap opening_hours syntax, e.g. "Tu-Su 09:00-17:00; Mo off".' })])
    .meta({ description: 'One entry per season, or one OSM opening_hours string.' }),
  closed: z.array(z.enum(WEEKDAYS)).default([]).meta({ description: 'Weekly closing days.' }),
  holidays: z
    .enum(['open', 'closed', 'normal'])
    .default('normal')
    .meta({ description: 'On public holidays: open (even on a weekly closing day), closed, or normal (the weekly rule applies).' }),
  closed_dates: z.array(dateOrRange).default([]).meta({ description: 'One-off closures.' }),
  price: prices.meta({ description: 'Per rider category; a category left out pays the default category price.' }),
  reservation: z.enum(['none', 'recommended', 'required']).default('none'),
  must_see: z.boolean().default(false),
  description: z.string().optional(),
  note: z.string().optional(),
  facts: facts.optional(),
  ...attractionFacts,
});

const link = z.strictObject({
  from: id,
  to: id,
  mode: z.enum(LINK_MODES),
  oneway: z.boolean().default(false),
  duration,
  // Sign is a rule (non-positive-fare), not a shape check, so it gets its own code.
  fare: z.number().multipleOf(0.01).meta({ description: 'Adult fare.' }),
  fares: prices.default({}),
  first: time.default('06:00').meta({ description: 'First departure of the day.' }),
  last: time.default('22:00').meta({ description: 'Last departure of the day.' }),
  every: duration.optional().meta({ description: 'Headway; without it, depart whenever wanted within first..last.' }),
  departures: z.array(time).min(1).optional().meta({ description: 'A fixed timetable instead of first/last/every.' }),
  note: z.string().optional(),
  facts: facts.optional(),
  ...linkFacts,
});

const route = z.strictObject({
  id,
  name: z.string(),
  name_zh: z.string().default(''),
  cities: z.array(id).min(1),
  attractions: z.array(id).default([]),
  themes: z.array(theme).default([]),
  days: z.number().int().min(1).optional().meta({ description: 'Suggested length.' }),
  description: z.string().optional(),
  note: z.string().optional(),
  facts: facts.optional(),
});

const wholeDays = (s: string) => (parseDuration(s) ?? 0) % MINUTES_PER_DAY === 0;

const pass = z.strictObject({
  id,
  name: z.string(),
  name_zh: z.string().default(''),
  covers: z
    .strictObject({
      themes: z.array(theme).default([]),
      cities: z.array(id).default([]),
      attractions: z.array(id).default([]),
      exclude: z.array(id).default([]),
    })
    .meta({ description: 'Union of what is listed, minus exclude.' }),
  validity: z.strictObject({
    kind: z.enum(['consecutive-days', 'flex-days', 'attraction-count']),
    days: z.number().int().min(1).optional(),
    within: duration
      .refine(wholeDays, { params: { code: 'bad-duration' }, message: 'A validity window is a whole number of days, like 30d.' })
      .optional(),
    count: z.number().int().min(1).optional(),
    starts: z.enum(['first-use', 'issue-date', 'fixed-date']).default('first-use'),
    start_date: date.optional().meta({ description: 'For starts: fixed-date.' }),
  }),
  entries: z.enum(['once', 'once-per-day', 'unlimited']).default('once'),
  price: prices,
  blackout: z.array(dateOrRange).default([]).meta({ description: 'Dates the pass is not accepted.' }),
  reservation_still_required: z
    .boolean()
    .default(true)
    .meta({ description: 'The pass does not replace real-name booking (default true: the safe statement).' }),
  note: z.string().optional(),
  facts: facts.optional(),
  ...passFacts,
});

const holiday = z.strictObject({
  date: dateOrRange,
  name: z.string(),
  kind: z.enum(['holiday', 'workday']),
});

/**
 * Zones a catalogue of this region uses, accepted without asking ICU: the
 * first `Intl.DateTimeFormat` with a zone loads ICU's zone data (~60 ms), and
 * even listing the canonical names costs 5-20 ms on a cold start.
 */
const KNOWN_ZONES: ReadonlySet<string> = new Set(['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC']);
let canonicalZones: ReadonlySet<string> | undefined;
/** Any other zone: a Set of canonical names (listed once), then the full check for aliases it leaves out. */
const validTimeZone = (tz: string) => {
  if (KNOWN_ZONES.has(tz)) return true;
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const catalogueSchema = z
  .strictObject({
    version: z.literal(SUPPORTED_VERSION).meta({ description: 'Schema version.' }),
    name: z.string(),
    name_zh: z.string().optional().meta({ description: 'The region\'s name in Chinese, for documents in Chinese (default: name).' }),
    timezone: z
      .string()
      .refine(validTimeZone, { params: { code: 'unknown-timezone' }, error: (i) => `"${String(i.input)}" is not a known IANA time zone, such as Asia/Shanghai.` })
      .meta({ description: 'Every time in the file is local time in this zone, e.g. Asia/Shanghai.' }),
    currency: patterned(/^[A-Z]{3}$/, 'bad-currency', 'a three-letter ISO 4217 code like CNY', 'ISO 4217 code, e.g. CNY.'),
    rider_categories: z.array(riderCategory).min(1),
    cities: z.array(city),
    attractions: z.array(attraction),
    links: z.array(link).default([]),
    routes: z.array(route).default([]),
    passes: z.array(pass).default([]),
    holidays: z.array(holiday).default([]).meta({ description: 'Adds to / overrides the built-in China holiday calendar.' }),
    rates: catalogueRatesSchema.optional(),
    ...topLevelFacts,
    ...cruisesSection,
  })
  .meta({ title: 'yangtze catalogue (routes.yaml)' });

type ZodIssue = z.core.$ZodIssue;

/**
 * Checks a parsed YAML document against the schema. Every shape problem is
 * returned (zod collects them all), worded as catalogue issues with stable codes.
 */
export function checkCatalogueShape(data: unknown): Result<RawCatalogue> {
  const parsed = catalogueSchema.safeParse(data, { reportInput: true });
  if (parsed.success) {
    // Typed as RawCatalogue, so the compiler checks that the schema's output (OSM hours turned into seasons) fits the domain's input shape.
    const converted = withOsmHours(parsed.data);
    if (converted.issues.length > 0) return { ok: false, issues: converted.issues, warnings: [] };
    const value: RawCatalogue = converted.value;
    return { ok: true, value, warnings: [] };
  }
  const issues = parsed.error.issues.flatMap((i) => toIssues(i, []));
  return { ok: false, issues: dropMissingKeysExplainedByTypos(issues), warnings: [] };
}

function toIssues(zi: ZodIssue, prefix: IssuePath): Issue[] {
  const path: IssuePath = [...prefix, ...zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const input = (zi as { input?: unknown }).input;
  switch (zi.code) {
    case 'unrecognized_keys':
      return zi.keys.map((key) => {
        const known = keysAt(catalogueSchema, path).filter((k) => !isRecord(input) || !(k in input));
        const suggestion = didYouMean(key, known);
        return issue('unknown-key', [...path, key], `Unknown key "${key}".`, suggestion ? { hint: suggestionText(suggestion) } : {});
      });
    case 'invalid_type':
      if (input === undefined) return [issue('missing-key', path, `Missing required key "${String(path.at(-1))}".`)];
      return [issue('wrong-type', path, `Expected ${patternAt(path)?.expected ?? article(zi.expected)}, got ${describe(input)}.`)];
    case 'invalid_value':
      return [invalidValue(path, input, zi.values)];
    case 'invalid_format': {
      const known = 'pattern' in zi && typeof zi.pattern === 'string' ? PATTERN_CODES.get(zi.pattern) : undefined;
      return [issue(known?.code ?? 'bad-value', path, `${quote(input)} is not ${known?.expected ?? `a valid ${zi.format}`}.`)];
    }
    case 'too_small':
      return [
        zi.origin === 'array'
          ? issue('too-few', path, `Needs at least ${String(zi.minimum)} item${zi.minimum === 1 ? '' : 's'}.`)
          : issue('out-of-range', path, `${describe(input)} is below the minimum ${String(zi.minimum)}.`),
      ];
    case 'too_big':
      return [issue('out-of-range', path, `${describe(input)} is above the maximum ${String(zi.maximum)}.`)];
    case 'not_multiple_of':
      return [issue('bad-money', path, `${describe(input)} has more than 2 decimals.`)];
    case 'custom': {
      const code = typeof zi.params?.code === 'string' ? zi.params.code : 'bad-value';
      return [issue(code, path, zi.message)];
    }
    case 'invalid_union':
      return invalidUnion(zi.errors, path, input);
    case 'invalid_key':
    case 'invalid_element':
      return zi.issues.flatMap((inner) => toIssues(inner, zi.code === 'invalid_element' ? [...path, String(zi.key)] : path));
    default:
      return [issue('bad-value', path, (zi as { message: string }).message + '.')];
  }
}

/** Enum and literal mismatches get the code of what they name (theme, rating, version, …). */
function invalidValue(path: IssuePath, input: unknown, values: readonly unknown[]): Issue {
  // A required enum key that is not there (`ratng:` for `rating:`): missing, not "Unknown rating undefined".
  if (input === undefined) return issue('missing-key', path, `Missing required key "${String(path.at(-1))}".`);
  const field = [...path].reverse().find((p) => typeof p === 'string');
  if (path.length === 1 && field === 'version') {
    return issue('unsupported-version', path, `Catalogue version ${describe(input)} is not supported; this yangtze reads version ${SUPPORTED_VERSION}.`);
  }
  const named = VALUE_KINDS[field ?? ''];
  const list = values.map(String).join(', ');
  const suggestion = typeof input === 'string' ? didYouMean(input, values.map(String)) : undefined;
  const hint = suggestion ? { hint: suggestionText(suggestion) } : {};
  if (named && !(path.length >= 2 && path[path.length - 2] === 'validity')) {
    return issue(named.code, path, `Unknown ${named.noun} ${quote(input)}; use one of ${list}.`, hint);
  }
  return issue('bad-value', path, `${quote(input)} is not one of ${list}.`, hint);
}

const VALUE_KINDS: Record<string, { code: string; noun: string }> = {
  themes: { code: 'unknown-theme', noun: 'theme' },
  rating: { code: 'unknown-rating', noun: 'rating' },
  closed: { code: 'unknown-weekday', noun: 'weekday' },
  mode: { code: 'unknown-mode', noun: 'transport mode' },
  status: { code: 'bad-status', noun: 'fact status' },
};

/** Reports the branch that matches the value's type (a string months range, say), else a type mismatch. */
function invalidUnion(branches: readonly (readonly ZodIssue[])[], path: IssuePath, input: unknown): Issue[] {
  const typeMismatch = (b: readonly ZodIssue[]) => b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0;
  const fitting = branches.find((b) => !typeMismatch(b));
  if (fitting) return fitting.flatMap((i) => toIssues(i, path));
  const expected = branches.map((b) => article((b[0] as { expected?: string } | undefined)?.expected ?? 'value'));
  return [issue('wrong-type', path, `Expected ${expected.join(' or ')}, got ${describe(input)}.`)];
}

/** `nmae:` next to a missing `name:` is one mistake; keep the unknown-key issue that names it. */
function dropMissingKeysExplainedByTypos(issues: Issue[]): Issue[] {
  const explained = new Set(
    issues
      .filter((i) => i.code === 'unknown-key' && i.hint)
      .map((i) => JSON.stringify([...i.path.slice(0, -1), /['"](.*)['"]/.exec(i.hint!)?.[1]])),
  );
  return issues.filter((i) => i.code !== 'missing-key' || !explained.has(JSON.stringify(i.path)));
}

/** The keys the schema allows for the object at `path`, for "did you mean". */
function keysAt(schema: z.core.$ZodType, path: IssuePath): string[] {
  const node = schemaAt(schema, path);
  return node?.type === 'object' && node.shape ? Object.keys(node.shape) : [];
}

/** What a patterned string at `path` should look like, so `visit: 90` can say "like 90m". */
function patternAt(path: IssuePath): { readonly code: string; readonly expected: string } | undefined {
  const checks = schemaAt(catalogueSchema, path)?.checks ?? [];
  const regex = checks.map((c) => c._zod.def).find((d) => d.format === 'regex');
  return regex?.pattern ? PATTERN_CODES.get(String(regex.pattern)) : undefined;
}

function schemaAt(schema: z.core.$ZodType, path: IssuePath): SchemaDef | undefined {
  let node: SchemaDef | undefined = unwrap(schema);
  for (const segment of path) {
    if (node?.type === 'array' && typeof segment === 'number') node = unwrap(node.element);
    else if (node?.type === 'object' && typeof segment === 'string') node = unwrap(node.shape?.[segment]);
    else if (node?.type === 'record') node = unwrap(node.valueType);
    else return undefined;
  }
  return node;
}

interface SchemaDef {
  readonly type: string;
  readonly innerType?: z.core.$ZodType;
  readonly element?: z.core.$ZodType;
  readonly valueType?: z.core.$ZodType;
  readonly shape?: Record<string, z.core.$ZodType>;
  readonly checks?: readonly { readonly _zod: { readonly def: { readonly format?: string; readonly pattern?: RegExp } } }[];
}

/** Looks through optional/default wrappers to the object or array inside. */
function unwrap(schema: z.core.$ZodType | undefined): SchemaDef | undefined {
  let def = schema?._zod.def as SchemaDef | undefined;
  while (def?.innerType) def = def.innerType._zod.def as SchemaDef;
  return def;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of keys',
    record: 'a map of keys',
  };
  return words[expected] ?? expected;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : describe(value);
}
