/**
 * The shape of an itinerary file, for `plan check`: what must be there and of
 * which type. Whether the content makes sense is check-itinerary.ts's job.
 */
import * as z from 'zod';
import { THEMES } from '../catalogue/model.js';
import type { Issue } from '../issues.js';
import type { Itinerary } from './itinerary.js';

const theme = z.enum(THEMES);
const money = z.number().min(0);

const request = z.object({
  from: z.string(),
  to: z.string().optional(),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  days: z.number().int().min(1),
  themes: z.array(theme),
  party: z.record(z.string(), z.number().int().min(0)),
  dayStart: z.string().regex(/^\d{2}:\d{2}$/, 'a time HH:MM'),
  dayEnd: z.string().regex(/^\d{2}:\d{2}$/, 'a time HH:MM'),
  must: z.array(z.string()),
  avoid: z.array(z.string()),
  pace: z.enum(['relaxed', 'standard', 'packed']),
  budget: z.number().min(0).optional(),
  route: z.string().optional(),
  seed: z.number().int().optional(),
  meals: z.boolean().optional(),
  cities: z.array(z.string()).optional(),
});

const visit = z.object({
  kind: z.literal('visit'),
  attraction: z.string(),
  city: z.string(),
  start: z.string(),
  end: z.string(),
  themes: z.array(theme),
  cost: money,
  within: z.string().optional(),
  withinCost: money.optional(),
  includes: z.array(z.string()).optional(),
  estimates: z.array(z.string()).optional(),
  aboard: z.string().optional(),
  excursion: z.literal(true).optional(),
  optional: z.literal(true).optional(),
});

const CRUISE_PARTS = ['board', 'passage', 'shore-excursion', 'optional-excursion', 'meal', 'disembark'] as const;

const cruise = z.object({
  kind: z.literal('cruise'),
  aboard: z.string(),
  part: z.enum(CRUISE_PARTS),
  what: z.string(),
  start: z.string(),
  end: z.string(),
  cost: money,
  approximate: z.literal(true).optional(),
  when: z.string().optional(),
  whatZh: z.string().optional(),
  whenZh: z.string().optional(),
});

const travel = z.object({
  kind: z.literal('travel'),
  from: z.string(),
  to: z.string(),
  mode: z.enum(['local', 'rail', 'road', 'cruise', 'ferry', 'flight']),
  depart: z.string(),
  arrive: z.string(),
  cost: money,
  transfer: z
    .object({
      by: z.enum(['walk', 'taxi', 'vehicle']),
      km: z.number().min(0),
      taxis: z.number().int().min(1).optional(),
      vehicle: z.object({ seats: z.number().int().min(1), count: z.number().int().min(1) }).optional(),
    })
    .optional(),
});

const meal = z.object({
  kind: z.literal('meal'),
  meal: z.enum(['lunch', 'dinner']),
  city: z.string(),
  near: z.string(),
  start: z.string(),
  end: z.string(),
  cost: money,
  estimate: z.literal(true),
  within: z.string().optional(),
});

const itinerary = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('yangtze.itinerary'),
  request,
  days: z.array(
    z.object({
      day: z.number().int(),
      date: z.string(),
      theme: theme.nullable(),
      start: z.string(),
      lodging: z.string(),
      items: z.array(z.discriminatedUnion('kind', [visit, travel, meal, cruise])),
      holiday: z
        .object({ name: z.string(), nameZh: z.string().optional(), goldenWeek: z.boolean(), provisional: z.boolean(), note: z.string() })
        .optional(),
      sunset: z.object({ time: z.string().regex(/^\d{2}:\d{2}$/), at: z.string() }).optional(),
    }),
  ),
  byTheme: z.object({ cultural: z.array(z.string()), red: z.array(z.string()), eco: z.array(z.string()), water: z.array(z.string()) }),
  unscheduled: z.array(
    z.object({
      attraction: z.string(),
      reason: z.enum(['closed', 'no-time', 'budget', 'theme', 'avoided', 'unreachable', 'last-entry', 'cruise-option', 'after-dark']),
      detail: z.string(),
    }),
  ),
  totals: z.object({ visits: z.number(), score: z.number(), admission: money, transport: money, currency: z.string() }),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});

export type ParsedItinerary = { ok: true; itinerary: Itinerary } | { ok: false; issues: Issue[] };

/** Checks the shape of a parsed JSON value; every problem, with its JSON path. */
export function parseItinerary(value: unknown): ParsedItinerary {
  const result = itinerary.safeParse(value);
  if (result.success) return { ok: true, itinerary: result.data as Itinerary };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({
      severity: 'error' as const,
      code: 'invalid-plan',
      path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: i.message,
    })),
  };
}
