/**
 * Must stops in a city the trip reaches late (issue 12 items 5 and 12): the chooser's beam ranks
 * partial skeletons by what they have seen so far, so a must in the trip's last city counted only
 * for skeletons that had already been there, and every skeleton keeping that city for the end was
 * dropped before it got there — a 9-day Nanchang → Jingdezhen trip with three Jingdezhen musts went
 * to Jingdezhen on day 2, left it, and came back to end there.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { backtracksOf, cityNeighbours, pendingMusts } from '../../src/domain/plan/choose-cities.js';
import { dayCities } from '../../src/domain/plan/city-plan.js';
import { SKELETONS, candidateStops, skeletonsFor } from '../../src/domain/plan/plan-trip.js';
import { directedLinks } from '../../src/domain/travel/city-links.js';
import { aRequest, shippedCatalogue } from './shipped.js';

describe('musts a partial skeleton has yet to see', () => {
  const musts = new Map([['jingdezhen', 3], ['wuhan', 1]]);
  const daysTo = new Map([
    ['jingdezhen', new Map([['nanchang', 1], ['changsha', 2], ['jingdezhen', 1]])],
    ['wuhan', new Map([['nanchang', 1], ['changsha', 1]])],
  ]);

  it('counts those of every city still within reach, less those already placed', () => {
    expect(pendingMusts('changsha', 5, musts, new Map(), daysTo)).toBe(4);
    expect(pendingMusts('changsha', 5, musts, new Map([['wuhan', 1], ['jingdezhen', 1]]), daysTo)).toBe(2);
  });

  it('not those of a city too far for the days left, and none on the last evening', () => {
    expect(pendingMusts('changsha', 1, musts, new Map(), daysTo)).toBe(1);
    expect(pendingMusts('jingdezhen', 0, musts, new Map(), daysTo)).toBe(0);
  });

  it('the city the party is in can still be stayed in', () => {
    expect(pendingMusts('jingdezhen', 1, new Map([['jingdezhen', 3]]), new Map([['jingdezhen', 2]]), new Map())).toBe(1);
  });
});

describe('on the shipped catalogue', () => {
  let catalogue: Catalogue;
  let calendar: HolidayCalendar;
  beforeAll(async () => ({ catalogue, calendar } = await shippedCatalogue()));

  it('a 9-day Nanchang → Jingdezhen trip with Jingdezhen musts keeps Jingdezhen for the end instead of going there and back', () => {
    const request = aRequest({
      from: 'nanchang', to: 'jingdezhen', start: '2027-05-10', days: 9, themes: ['cultural'], party: { adult: 2 },
      must: ['imperial-kiln-taoyangli', 'ancient-kiln-folk-custom', 'taoxichuan'],
    });
    const neighbours = cityNeighbours(directedLinks(catalogue));
    const skeletons = skeletonsFor(catalogue, request, candidateStops(catalogue, request), SKELETONS, calendar);
    const trails = skeletons.map((plan) => plan.days.flatMap((d) => (d.kind === 'land' ? dayCities(d) : [])));
    // The best-ranked: no city left and come back to, Jingdezhen reached once, at the end.
    expect(backtracksOf(trails[0]!, request, neighbours)).toBe(0);
    const firstJingdezhen = trails[0]!.indexOf('jingdezhen');
    expect(trails[0]!.slice(firstJingdezhen).every((c) => c === 'jingdezhen')).toBe(true);
    // And it still places the three musts (the chooser's MANDATORY_POINTS: 1000 each).
    expect(skeletons[0]!.value).toBeGreaterThan(3000);
  });
});
