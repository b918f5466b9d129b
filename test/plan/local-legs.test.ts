/**
 * Local legs by road class (travel/road-model.ts, travel/local-legs.ts):
 * walks between neighbouring sites, town streets then expressway for longer
 * drives, the catalogue's explicit access times winning, and the metric
 * properties the planner core relies on.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { localLegs } from '../../src/domain/travel/local-legs.js';
import { localTravelMin } from '../../src/domain/travel/travel-model.js';
import {
  OPEN_ROAD_SPEED_KMH, ROAD_DETOUR_FACTOR, URBAN_KM, URBAN_SPEED_KMH, WALK_DETOUR_FACTOR, WALK_MAX_KM, WALK_SPEED_KMH, roadLeg,
} from '../../src/domain/travel/road-model.js';
import { taxiFareFen, transferKindFor, vehicleFor } from '../../src/domain/travel/local-fares.js';
import { aCatalogue, anAttraction } from '../builders/catalogue-builder.js';
import { shippedCatalogue } from './shipped.js';

const STANDARD = 15;
let shipped: Catalogue;
beforeAll(async () => void ({ catalogue: shipped } = await shippedCatalogue()));

describe('the road model', () => {
  it('walks neighbouring sites at walking speed, with no allowance', () => {
    const leg = roadLeg(0.8);
    expect(leg.by).toBe('walk');
    expect(leg.km).toBeCloseTo(0.8 * WALK_DETOUR_FACTOR);
    expect(leg.movingMin).toBeCloseTo((0.8 * WALK_DETOUR_FACTOR * 60) / WALK_SPEED_KMH);
    expect(roadLeg(WALK_MAX_KM).by).toBe('walk');
    expect(roadLeg(WALK_MAX_KM + 0.01).by).toBe('road');
  });

  it('drives a short leg through town at urban speed', () => {
    const leg = roadLeg(3);
    expect(leg.by).toBe('road');
    expect(leg.km).toBeCloseTo(3 * ROAD_DETOUR_FACTOR);
    expect(leg.movingMin).toBeCloseTo((3 * ROAD_DETOUR_FACTOR * 60) / URBAN_SPEED_KMH);
  });

  it('drives the rest of a long leg at expressway speed', () => {
    const km = 40 * ROAD_DETOUR_FACTOR;
    expect(roadLeg(40).movingMin).toBeCloseTo((URBAN_KM * 60) / URBAN_SPEED_KMH + ((km - URBAN_KM) * 60) / OPEN_ROAD_SPEED_KMH);
  });

  it('never takes less time for a longer drive', () => {
    fc.assert(fc.property(fc.double({ min: 1.21, max: 400, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (a, extra) =>
      roadLeg(a + extra).movingMin >= roadLeg(a).movingMin,
    ));
  });
});

describe('local legs on the shipped catalogue', () => {
  const legs = () => localLegs(shipped, STANDARD);

  it('takes Yichang → Qu Yuan\'s Hometown well under 1 h 55: about an hour by the model, the researched taxi time where the catalogue has it', () => {
    const yichang = shipped.cities.find((c) => c.id === 'yichang')!.location;
    const quyuan = shipped.attractions.find((a) => a.id === 'quyuan-hometown')!;
    const model = localTravelMin(yichang, quyuan.location, STANDARD);
    expect(model).toBeGreaterThanOrEqual(45);
    expect(model).toBeLessThanOrEqual(65);
    const leg = legs().leg('yichang', 'quyuan-hometown')!;
    expect(leg.by).toBe('road');
    const access = quyuan.access.find((x) => x.from === 'yichang' && x.mode === 'road');
    expect(leg.minutes).toBe(access ? access.durationMin + STANDARD : model);
    expect(leg.minutes).toBeLessThan(115);
  });

  it('drives Jingdezhen → Yaoli in about an hour by the model, but the catalogue\'s bus time wins', () => {
    const jingdezhen = shipped.cities.find((c) => c.id === 'jingdezhen')!.location;
    const yaoli = shipped.attractions.find((a) => a.id === 'yaoli-ancient-town')!;
    const model = localTravelMin(jingdezhen, yaoli.location, STANDARD);
    expect(model).toBeGreaterThanOrEqual(55);
    expect(model).toBeLessThanOrEqual(75);
    // The research found 1 h 30 on narrow mountain roads (catalogue `access`), and explicit times win.
    const access = yaoli.access.find((x) => x.from === 'jingdezhen' && x.mode === 'road')!;
    expect(legs().leg('jingdezhen', 'yaoli-ancient-town')).toMatchObject({ explicit: true, minutes: access.durationMin + STANDARD });
  });

  it('uses the catalogue\'s access time where there is one (the dam expressway, the bus up to Guling)', () => {
    expect(legs().leg('yichang', 'three-gorges-dam')).toMatchObject({ explicit: true, minutes: 60 + STANDARD, by: 'road' });
    expect(legs().leg('three-gorges-dam', 'yichang')).toMatchObject({ explicit: true, minutes: 60 + STANDARD });
    expect(legs().leg('jiujiang', 'lushan-national-park')).toMatchObject({ explicit: true, minutes: 60 + STANDARD });
  });

  it('does not let a neighbour of an explicitly timed site undercut it (Meilu Villa is up at Guling too)', () => {
    const up = legs().leg('jiujiang', 'lushan-national-park')!.minutes;
    const walk = legs().leg('meilu-villa', 'lushan-national-park')!.minutes;
    expect(legs().leg('jiujiang', 'meilu-villa')!.minutes + walk).toBeGreaterThanOrEqual(up);
  });

  it('walks between neighbouring sites in Wuhan', () => {
    const leg = legs().leg('yellow-crane-tower', 'wuchang-uprising-memorial')!;
    expect(leg.by).toBe('walk');
    expect(leg.minutes).toBe(10);
  });

  it('has a leg from the hotel even to a site at the city\'s own point (Shaoshan)', () => {
    // Shao Peak still sits on the Shaoshan registry point (no point of the peak is sourced);
    // the memorial museum has its own point 500 m south of the residence, 667 m from the
    // registry point since the residence's Wikipedia point is read as BD-09 (coords.yaml, round 6).
    expect(legs().leg('shaoshan', 'shaofeng-peak')!.minutes).toBe(5);
    expect(legs().leg('shaoshan', 'mao-memorial-museum')!.by).toBe('walk');
    expect(legs().leg('mao-memorial-museum', 'shaofeng-peak')!.minutes).toBe(15);
  });

  it('has no local leg between cities', () => {
    expect(legs().leg('wuhan', 'yueyang-tower')).toBeUndefined();
  });

  it('is symmetric and obeys the triangle inequality in every city, at every pace', () => {
    for (const allowance of [10, 15, 20]) {
      const l = localLegs(shipped, allowance);
      for (const city of shipped.cities) {
        const ids = [city.id, ...shipped.attractions.filter((a) => a.city === city.id).map((a) => a.id)];
        for (const a of ids) {
          for (const b of ids) {
            expect(l.leg(a, b)!.minutes).toBe(l.leg(b, a)!.minutes);
            for (const c of ids) expect(l.leg(a, c)!.minutes).toBeLessThanOrEqual(l.leg(a, b)!.minutes + l.leg(b, c)!.minutes);
          }
        }
      }
    }
  });
});

describe('local legs on any catalogue', () => {
  const point = fc.record({ lat: fc.double({ min: 29, max: 29.6, noNaN: true }), lon: fc.double({ min: 114, max: 114.6, noNaN: true }) });
  const site = fc.record({ location: point, accessMin: fc.option(fc.integer({ min: 5, max: 180 }), { nil: undefined }) });

  it('obey the triangle inequality, and an explicit access time is the hub leg', () => {
    fc.assert(
      fc.property(fc.array(site, { minLength: 1, maxLength: 7 }), fc.constantFrom(10, 15, 20), (sites, allowance) => {
        let builder = aCatalogue().withCity({ id: 'hub', location: { lat: 29.3, lon: 114.3 } });
        sites.forEach((s, i) => {
          builder = builder.withAttraction(anAttraction({
            id: `s${i}`, city: 'hub', location: s.location,
            access: s.accessMin === undefined ? [] : [{ from: 'hub', mode: 'road', durationMin: s.accessMin, fares: {} }],
          }));
        });
        const catalogue = builder.build();
        const legs = localLegs(catalogue, allowance);
        const ids = ['hub', ...sites.map((_, i) => `s${i}`)];
        for (const a of ids) {
          for (const b of ids) {
            const ab = legs.leg(a, b)!.minutes;
            if (a !== b) expect(ab).toBeGreaterThanOrEqual(5);
            expect(ab % 5).toBe(0);
            for (const c of ids) expect(legs.leg(a, c)!.minutes).toBeLessThanOrEqual(ab + legs.leg(b, c)!.minutes);
          }
        }
        // With a single timed site, its time is exactly the hub leg.
        const timed = sites.flatMap((s, i) => (s.accessMin === undefined ? [] : [{ id: `s${i}`, min: s.accessMin }]));
        if (timed.length === 1) expect(legs.leg('hub', timed[0]!.id)!.minutes).toBe(Math.ceil((timed[0]!.min + allowance) / 5) * 5);
      }),
      { numRuns: 150 },
    );
  });
});

describe('local fares', () => {
  it('meters a taxi ride: the flag fall, then per kilometre beyond the included ones', () => {
    const changsha = { flagFallFen: 800, includedKm: 2, perKmFen: 200 };
    expect(taxiFareFen(changsha, 1.5)).toBe(800);
    expect(taxiFareFen(changsha, 7.5)).toBe(800 + 1100);
    expect(taxiFareFen({ flagFallFen: 1000, includedKm: 3, perKmFen: 220 }, 5.1)).toBe(1000 + 462);
  });

  it('puts a party of up to four in taxis and hires a vehicle for a larger group', () => {
    expect(transferKindFor(4)).toBe('taxi');
    expect(transferKindFor(5)).toBe('vehicle');
  });

  it('hires the smallest vehicle that seats the group, else enough of the largest', () => {
    expect(vehicleFor(shipped.rates, 6, 'wuhan')!.rate.seats).toBe(6);
    expect(vehicleFor(shipped.rates, 7, 'wuhan')!.rate.seats).toBe(14);
    expect(vehicleFor(shipped.rates, 40, 'wuhan')).toMatchObject({ count: 2 });
  });
});
