/**
 * The catalogue's sections for sourced facts and the rules the data needs
 * (design/CATALOGUE.md, "Provenance" and "Closures, seasonal prices,
 * discounts"): the top-level `sources` and `discount_rules`, and per item a
 * `provenance` map from field path to {status, source, checked, note}, plus the
 * attraction and link fields that real schedules and fares need. Spread into
 * the item shapes of catalogue-schema.ts, so that file changes by one line each.
 */
import * as z from 'zod';
import { DAYLIGHT, FACT_STATUSES, WEEKDAYS } from '../domain/catalogue/model.js';
import { LINK_MODES } from '../domain/catalogue/model.js';
import { duration, id, months, patterned, prices, time } from './catalogue-schema-values.js';
import { DEPARTURE_PATTERN } from '../domain/catalogue/parse-time.js';

const checkedDate = patterned(
  /^\d{4}-\d{2}(?:-\d{2})?$/,
  'bad-date',
  'a month "YYYY-MM" or a date "YYYY-MM-DD"',
  'When the source was read: YYYY-MM-DD (or YYYY-MM).',
);
const publishedDate = patterned(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'bad-date', 'a year, "YYYY-MM" or "YYYY-MM-DD"', 'When the source was published.');

const source = z
  .strictObject({
    id,
    title: z.string().min(1),
    url: z.string().optional(),
    published: z.union([publishedDate, z.number().int().min(1000).max(9999)]).optional().meta({ description: 'When the source was published: a year, YYYY-MM or YYYY-MM-DD.' }),
    note: z.string().optional(),
  })
  .meta({ description: 'A public source facts refer to by id.' });

const fact = z
  .strictObject({
    status: z.enum(FACT_STATUSES).meta({ description: 'confirmed (a source states it), estimate (a best guess) or assumed (a general rule applied).' }),
    source: z.union([id, z.array(id).min(1)]).optional().meta({ description: 'Id(s) from the top-level `sources` list.' }),
    checked: checkedDate.optional(),
    note: z.string().optional(),
  })
  .meta({ description: 'Where one fact comes from.' });

const provenance = z
  .record(z.string(), fact)
  .meta({ description: 'Field path (price.adult, hours, closed, location, fare, timetable, …) → where that fact comes from.' });

/** How much a rider category pays: free, half, full, or a whole percentage of the full price. */
const pays = z
  .union([z.enum(['free', 'half', 'full']), z.number().int().min(0).max(100)])
  .meta({ description: 'free | half | full | a whole percentage of the full price (e.g. 75).' });

const discountRule = z
  .strictObject({
    category: id.meta({ description: 'Rider category id.' }),
    pays,
    applies_to: z
      .array(z.enum(['attractions', 'rail', 'road', 'cruise', 'ferry', 'flight']))
      .min(1)
      .default(['attractions'])
      .meta({ description: 'Attractions and/or link modes this rule prices.' }),
    rule: z.string().optional().meta({ description: 'The rule as published, e.g. "6–18 years or 1.2–1.5 m: half price".' }),
    ...fact.shape,
  })
  .meta({ description: 'A national (or catalogue-wide) discount: categories a price leaves out pay this share.' });

const nthClosure = z.strictObject({
  weekday: z.enum(WEEKDAYS),
  nth: z
    .array(z.union([z.number().int().min(1).max(5), z.literal(-1)]))
    .min(1)
    .meta({ description: 'Which of that weekday in the month: 1..5, or -1 for the last.' }),
});

const priceSeason = z.strictObject({
  months,
  price: prices,
});

const stations = z.strictObject({ from: z.string(), to: z.string() });

/** How a site a drive (or a boat ride) away from its city is reached: a local access link. */
const access = z
  .strictObject({
    from: id.meta({ description: 'The city the trip starts from.' }),
    mode: z.enum(LINK_MODES),
    duration: duration.meta({ description: 'One way, door to gate.' }),
    fare: z.number().min(0).multipleOf(0.01).optional().meta({ description: 'Adult fare one way; absent = not known.' }),
    fares: prices.default({}),
    first: time.optional(),
    last: time.optional().meta({ description: 'Last departure (for a return: the last one back).' }),
    stations: stations.optional(),
    months: months.optional().meta({ description: 'Months it runs (a high-water boat); default all year.' }),
    note: z.string().optional(),
  })
  .meta({ description: 'A local access link from a city to this site.' });

/** Top-level keys. */
export const topLevelFacts = {
  sources: z.array(source).default([]).meta({ description: 'Sources that provenance entries name by id.' }),
  discount_rules: z.array(discountRule).default([]),
};

const withProvenance = { provenance: provenance.default({}) };

export const cityFacts = withProvenance;

export const cruiseFacts = withProvenance;

export const attractionFacts = {
  ...withProvenance,
  closed_nth: z.array(nthClosure).default([]).meta({ description: 'Closures on the nth weekday of each month, e.g. the 1st and 3rd Tuesday.' }),
  price_seasons: z
    .array(priceSeason)
    .default([])
    .meta({ description: 'Prices in some months (off-peak, flood season); other months pay `price`.' }),
  discounts: z
    .record(z.string(), pays)
    .default({})
    .meta({ description: 'Per-site discount by rider category, overriding `discount_rules`; a category in `price` overrides both.' }),
  bird_season: months.optional().meta({ description: 'Months of the wintering-bird season at a wetland.' }),
  access: z.array(access).default([]).meta({ description: 'Local access links from a city (bus, boat, road) with real times; provenance key access.<index>.' }),
  within: id.optional().meta({
    description: "The attraction whose paid area this one lies inside (Meilu Villa inside Lushan's gate): it cannot be visited without that ticket.",
  }),
  daylight: z.enum(DAYLIGHT).optional().meta({
    description:
      "required: an outdoor site (mountain, lake, wetland, gorge) whose visit must end by sunset, computed from the site's coordinates and the date; any (or absent): it may be seen after dark.",
  }),
  best_time: z
    .strictObject({ from: time, to: time })
    .optional()
    .meta({
      description:
        "The time of day the sight is at (a facade lit 18:00-22:00): a visit is planned wholly inside it. An evening one may run past the request's day end (the party goes out after dinner).",
    }),
  departures: z
    .array(
      patterned(
        DEPARTURE_PATTERN,
        'bad-departure',
        'a departure "HH:MM", or a run of boats leaving in turn "HH:MM-HH:MM"',
        'One sailing "19:10", or boats leaving in turn between two times "19:00-20:30" (headway not published).',
      ),
    )
    .min(1)
    .optional()
    .meta({ description: 'Fixed sailings (a sightseeing boat): a visit starts only at one of them, inside the hours.' }),
  piers: z
    .array(
      z.strictObject({
        departures: patterned(DEPARTURE_PATTERN, 'bad-departure', 'a departure "HH:MM", or a run of boats leaving in turn "HH:MM-HH:MM"', 'One of the departures above.'),
        name: z.string().min(1).meta({ description: 'The pier, in English.' }),
        name_zh: z.string().min(1).optional().meta({ description: 'The pier, in Chinese.' }),
      }),
    )
    .min(1)
    .optional()
    .meta({
      description:
        "Where a run of departures boards when a source names a pier away from the site's point (the Two Rivers evening boats at Hankou Yuehan pier): the plan says so beside the boat, since its transfers are timed to the site's point.",
    }),
  includes: z.array(id).min(1).optional().meta({
    description: 'Other attractions this product takes the party to (the Two Dams One Gorge boat: the dam and Xiling Gorge): a plan that books it sees them there and does not sell them again.',
  }),
};

export const linkFacts = {
  ...withProvenance,
  id: id.optional().meta({ description: 'Link id, e.g. wuhan-changsha.' }),
  stations: stations.optional().meta({ description: 'Stations, piers or stops at each end.' }),
  per_day: z.number().int().min(1).optional().meta({ description: 'Typical departures per day.' }),
};

export const passFacts = {
  ...withProvenance,
  real: z.boolean().default(false).meta({ description: 'A real product on sale (sourced); false = a sample product of this project.' }),
  url: z.string().optional(),
  residents_only: z
    .boolean()
    .default(false)
    .meta({ description: 'Sold only to local residents (by ID or household registration): listed, never quoted to visitors.' }),
};
