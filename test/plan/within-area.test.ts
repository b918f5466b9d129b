/**
 * A site inside another's paid area (catalogue `within`: Meilu Villa behind
 * Lushan's gate) is never visited without that ticket: the plan charges the
 * area's admission once, on the first inner visit, unless it visits the area
 * itself; `plan check` holds plans to that, and `pass quote` counts the
 * area's ticket among the admissions.
 */
import { describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import type { Itinerary, VisitItem } from '../../src/domain/itinerary/itinerary.js';
import { admissionsOf } from '../../src/domain/passes/quote.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { aCatalogue, aSeason } from '../builders/catalogue-builder.js';
import { HOUR, plainCalendar } from './fixture.js';
import { aRequest } from './shipped.js';

const calendar = plainCalendar();

/** A mountain area (100 a head) with two free villas inside its gate, and a free park outside it. */
function mountain(): Catalogue {
  const open = [aSeason({ openMin: 8 * HOUR, closeMin: 18 * HOUR })];
  return aCatalogue()
    .withCity({ id: 'jiujiang', location: { lat: 29.705, lon: 116.0 } })
    .withAttraction({ id: 'mount', city: 'jiujiang', location: { lat: 29.56, lon: 115.99 }, themes: ['eco'], rating: '5A', visitMin: 3 * HOUR, price: { adult: 100 }, hours: open })
    .withAttraction({ id: 'villa', city: 'jiujiang', location: { lat: 29.564, lon: 115.9915 }, themes: ['cultural'], rating: '5A', visitMin: 60, price: { adult: 0 }, hours: open, within: 'mount' })
    .withAttraction({ id: 'hall', city: 'jiujiang', location: { lat: 29.5615, lon: 115.9905 }, themes: ['cultural'], rating: '5A', visitMin: 60, price: { adult: 0 }, hours: open, within: 'mount' })
    .withAttraction({ id: 'park', city: 'jiujiang', location: { lat: 29.71, lon: 116.01 }, themes: ['cultural'], rating: '4A', visitMin: 60, price: { adult: 0 }, hours: open })
    .build();
}

function plan(cat: Catalogue, partial: Parameters<typeof aRequest>[0]): Itinerary {
  const result = planTrip(cat, aRequest({ start: '2026-05-12', days: 1, party: { adult: 2 }, ...partial }), calendar, { seed: 1, maxIterations: 60 });
  if (!result.ok) throw new Error(result.message);
  return result.itinerary;
}
const visits = (it: Itinerary) => it.days.flatMap((d) => d.items.filter((i): i is VisitItem => i.kind === 'visit'));

describe('sites inside another site\'s paid area', () => {
  it('charge the area\'s ticket once, on the first inner visit, when the plan does not visit the area', () => {
    const it = plan(mountain(), { from: 'jiujiang', themes: ['cultural'], must: ['villa', 'hall'] });
    const inner = visits(it).filter((v) => v.attraction === 'villa' || v.attraction === 'hall');
    expect(inner).toHaveLength(2);
    expect(inner.map((v) => v.within)).toEqual(['mount', 'mount']);
    expect(inner.map((v) => v.withinCost ?? 0)).toEqual([200, 0]);
    expect(it.totals.admission).toBe(200);
    expect(checkItinerary(it, mountain(), calendar)).toEqual([]);
  });

  it('charge nothing more when the plan visits the area itself', () => {
    const it = plan(mountain(), { from: 'jiujiang', must: ['mount', 'villa'] });
    expect(visits(it).map((v) => v.attraction)).toEqual(expect.arrayContaining(['mount', 'villa']));
    expect(visits(it).find((v) => v.attraction === 'villa')).toEqual(expect.objectContaining({ cost: 0, within: 'mount' }));
    expect(visits(it).some((v) => v.withinCost !== undefined)).toBe(false);
    expect(checkItinerary(it, mountain(), calendar)).toEqual([]);
  });

  it('are faulted by plan check when the area\'s ticket is missing', () => {
    const it = plan(mountain(), { from: 'jiujiang', themes: ['cultural'], must: ['villa'] });
    const free: Itinerary = {
      ...it,
      days: it.days.map((d) => ({ ...d, items: d.items.map((i) => (i.kind === 'visit' && i.attraction === 'villa' ? { ...i, cost: 0, withinCost: undefined } : i)) })),
      totals: { ...it.totals, admission: 0 },
    };
    expect(checkItinerary(free, mountain(), calendar).map((v) => v.code)).toContain('area-ticket');
  });

  it('bring the area\'s ticket into the admissions a pass quote prices', () => {
    const it = plan(mountain(), { from: 'jiujiang', themes: ['cultural'], must: ['villa'] });
    const date = it.days[0]!.date;
    expect(admissionsOf(it, mountain())).toEqual(expect.arrayContaining([{ attraction: 'mount', date }, { attraction: 'villa', date }]));
  });
});
