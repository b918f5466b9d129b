/**
 * The shape of the catalogue's `rates:` section and of an agency's rate sheet
 * (`--rates FILE`, the same keys): lodging, meals, taxis, vehicles with driver,
 * guides and cruise cabins. Money is yuan with at most two decimals. In the
 * shipped catalogue every rate names its source or the basis of its estimate;
 * a rate sheet is the agency's own contract, so it needs neither.
 */
import * as z from 'zod';
import { ID_PATTERN } from '../domain/catalogue/id-pattern.js';
import { MONTH_RANGE_PATTERN } from '../domain/catalogue/parse-months.js';
import type { RawRates } from '../domain/quote/raw-rates.js';
import { GRADES, MEALS } from '../domain/quote/rates.js';

const id = z.string().regex(ID_PATTERN, 'a lowercase kebab-case id like "wuhan"');
const money = z.number().min(0).multipleOf(0.01).meta({ description: 'Yuan (the catalogue currency), at most 2 decimals.' });
const prices = z.record(id, money).meta({ description: 'Per rider category id; a category left out pays the default category price.' });
const months = z
  .union([z.string().regex(MONTH_RANGE_PATTERN, 'a month range like Apr-Oct'), z.array(z.number().int().min(1).max(12)).min(1)])
  .meta({ description: 'Months the rate applies in: Apr-Oct (wraps: Nov-Mar) or [7, 8]; all year when absent.' });
const grade = z.enum(GRADES).meta({ description: 'budget, 3star, 4star or 5star.' });

const origin = {
  source: z.string().optional().meta({ description: 'Where the figure was published (URL or document).' }),
  checked: z
    .string()
    .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'a month "YYYY-MM" or a date "YYYY-MM-DD"')
    .optional()
    .meta({ description: 'When the figure was last confirmed.' }),
  estimate: z.string().optional().meta({ description: 'The figure is an estimate; this says on what basis.' }),
};

const lodging = z.strictObject({
  city: id,
  grade,
  hotel: z.string().optional().meta({ description: 'A named hotel; without it, any hotel of the grade.' }),
  months: months.optional(),
  room: money.meta({ description: 'A twin or double room per night.' }),
  single: money.optional().meta({ description: 'The room for one person per night (default: the twin price).' }),
  extra_bed: money.optional().meta({ description: 'An extra bed per night (a child).' }),
  breakfast: z.boolean().default(true).meta({ description: 'Breakfast is included in the room rate.' }),
  ...origin,
});

const meal = z.strictObject({ grade, meal: z.enum(MEALS), city: id.optional(), price: prices.meta({ description: 'Per person per meal.' }), ...origin });

const taxi = z.strictObject({
  city: id,
  flag_fall: money.meta({ description: 'Fare on the meter at the start.' }),
  included_km: z.number().min(0).meta({ description: 'Kilometres the flag fall covers.' }),
  per_km: money.meta({ description: 'Each further kilometre.' }),
  ...origin,
});

const vehicle = z.strictObject({
  seats: z.number().int().min(1).meta({ description: 'Passengers it carries.' }),
  city: id.optional(),
  per_day: money.meta({ description: 'Vehicle with driver for a sightseeing day (fuel, tolls, parking included).' }),
  ...origin,
});

const guide = z.strictObject({
  language: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code like en or zh'),
  city: id.optional(),
  per_day: money,
  ...origin,
});

const cruise = z.strictObject({
  from: id,
  to: id,
  cabin: id.meta({ description: 'Cabin grade, e.g. standard, superior, suite.' }),
  months: months.optional().meta({ description: 'Months of the sailing date the fare applies in (a season: Dec-Mar); all year when absent.' }),
  price: prices.meta({ description: 'Per person sharing a cabin, for the whole sailing.' }),
  single_supplement: money.optional(),
  ...origin,
});

type Provenanced = { readonly source?: string | undefined; readonly estimate?: string | undefined };

/** Catalogue rates must say where they come from: a source, or an estimate's basis. */
function sourced<T extends z.ZodType<Provenanced>>(entry: T) {
  return entry.refine((r) => r.source !== undefined || r.estimate !== undefined, {
    params: { code: 'rate-without-source' },
    message: 'A reference rate needs `source:` (where it was published) or `estimate:` (the basis of the estimate).',
  });
}

function ratesShape(requireOrigin: boolean) {
  const wrap = <T extends z.ZodType<Provenanced>>(entry: T) => (requireOrigin ? sourced(entry) : entry);
  return z
    .strictObject({
      lodging: z.array(wrap(lodging)).default([]),
      meals: z.array(wrap(meal)).default([]),
      taxi: z.array(wrap(taxi)).default([]),
      vehicles: z.array(wrap(vehicle)).default([]),
      guides: z.array(wrap(guide)).default([]),
      cruise: z.array(wrap(cruise)).default([]),
    })
    .meta({ description: 'Reference rates for quotes; an agency rate sheet (--rates) overrides them.' });
}

/** `rates:` in routes.yaml. */
export const catalogueRatesSchema = ratesShape(true);
/** A rate sheet (YAML, or CSV rows turned into the same shape). */
export const rateSheetSchema = ratesShape(false);

// The compiler checks that both schemas' output fits the domain's raw shape.
export type RatesInput = z.output<typeof catalogueRatesSchema>;
const fits: (r: RatesInput) => RawRates = (r) => r;
const sheetFits: (r: z.output<typeof rateSheetSchema>) => RawRates = (r) => r;
void fits;
void sheetFits;
