/**
 * The `cruises:` section of routes.yaml (docs/CATALOGUE.md, "cruises"): multi-day cruise
 * products with their departures, programme, optional excursions, cabin grades and child
 * fares. Spread into catalogueSchema as one key, so the main schema file changes by a line.
 */
import * as z from 'zod';
import { PROGRAMME_KINDS, WEEKDAYS } from '../domain/catalogue/model.js';
import { id, money, prices, time } from './catalogue-schema-values.js';
import { cruiseFacts } from './catalogue-schema-facts.js';

const percent = z.number().int().min(0).max(1000).meta({ description: 'Whole percent of the base (adult) fare.' });

const programmeItem = z
  .strictObject({
    day: z.number().int().min(1).meta({ description: 'Day of the sailing; 1 = the boarding day.' }),
    kind: z.enum(PROGRAMME_KINDS).meta({ description: 'board | sail (a passage seen from the deck) | excursion (in the fare) | optional (sold aboard) | meal | disembark.' }),
    what: z.string().min(1),
    what_zh: z.string().min(1).optional().meta({ description: '`what` in Chinese (documents in Chinese; absent: `what` is shown).' }),
    start: time.optional().meta({ description: 'Published start time; leave out when the programme gives none.' }),
    end: time.optional(),
    when: z.string().optional().meta({ description: 'The time as published when it is not a clock time ("evening").' }),
    when_zh: z.string().min(1).optional().meta({ description: '`when` in Chinese.' }),
    approximate: z.boolean().default(false).meta({ description: 'The published time is "about" this.' }),
    site: id.optional().meta({ description: 'The attraction this item visits or passes.' }),
    excursion: id.optional().meta({ description: 'For kind optional: the optional excursion that prices it.' }),
    alternatives: z.array(id).default([]).meta({ description: 'Attractions some ships visit instead (river conditions, ship).' }),
  })
  .meta({ description: 'One item of the day-by-day programme.' });

const optionalExcursion = z.strictObject({
  id,
  what: z.string().min(1),
  what_zh: z.string().min(1).optional().meta({ description: '`what` in Chinese.' }),
  site: id.optional(),
  price: prices.default({}).meta({ description: 'Per person, per rider category, where published; {} = not published.' }),
});

const cabin = z
  .strictObject({
    grade: id,
    name: z.string().min(1),
    pays: percent.optional(),
    plus: money.optional().meta({ description: 'Per person on top of the base fare.' }),
    on_request: z.boolean().default(false).meta({ description: 'No published price.' }),
  })
  .meta({ description: 'A cabin grade: pays a share of the base fare, a supplement (plus), or on request.' });

const childFare = z.strictObject({
  category: id.default('child').meta({ description: 'The rider category this rule prices.' }),
  ages: z.string().min(1).meta({ description: 'As published, e.g. "2-11".' }),
  bed: z.boolean().meta({ description: 'true: a bed of its own; false: shares the adults\u2019 beds.' }),
  pays: percent,
});

const cruise = z
  .strictObject({
    id,
    name: z.string(),
    name_zh: z.string().default(''),
    from: id.meta({ description: 'The city where one boards.' }),
    to: id.meta({ description: 'The city where one leaves the ship.' }),
    link: id.optional().meta({ description: 'The id of the cruise link the ship sails (its timetable and fare).' }),
    nights: z.number().int().min(1),
    operators: z.array(z.string()).default([]),
    weekdays: z.array(z.enum(WEEKDAYS)).min(1).default([...WEEKDAYS]).meta({ description: 'Days a ship leaves; default every day.' }),
    board: z.strictObject({ place: z.string(), open: time, close: time, note: z.string().optional() }),
    sail: time.meta({ description: 'When the ship sails on the boarding day.' }),
    disembark: z.strictObject({
      place: z.string(),
      day: z.number().int().min(2).meta({ description: 'Day of the sailing; nights + 1.' }),
      open: time.optional(),
      close: time,
      note: z.string().optional(),
    }),
    programme: z.array(programmeItem).min(1),
    optional_excursions: z.array(optionalExcursion).default([]),
    fare: prices.meta({ description: 'Base fare per person sharing a twin cabin, per rider category.' }),
    cabins: z.array(cabin).default([]),
    single_use: percent.optional().meta({ description: 'Single use of a twin cabin, in percent of the base fare.' }),
    child_fares: z.array(childFare).default([]),
    meals_included: z.boolean().default(true).meta({ description: 'The fare includes the meals served aboard.' }),
    note: z.string().optional(),
    ...cruiseFacts,
  })
  .meta({ description: 'A multi-day cruise product.' });

export const cruisesSection = {
  cruises: z.array(cruise).default([]).meta({ description: 'Multi-day cruise products (departures, programme, cabins, child fares).' }),
};
