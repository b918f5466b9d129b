import { describe, expect, it } from '@jest/globals';
import { nextDeparture, departsAt } from '../../src/domain/travel/link-departures.js';
import { haversineKm, localTravelMin } from '../../src/domain/travel/travel-model.js';
import { seenFromBoard } from '../../src/domain/travel/seen-from-board.js';
import { roadLeg } from '../../src/domain/travel/road-model.js';
import { aCatalogue, aLink, anAttraction } from '../builders/catalogue-builder.js';

const H = 60;

describe('link departures', () => {
  const headway = aLink({ from: 'wuhan', to: 'changsha', firstMin: 6 * H + 30, lastMin: 21 * H + 30, everyMin: 30 });

  it('waits for the first train of the day', () => {
    expect(nextDeparture(headway, 5 * H)).toBe(6 * H + 30);
  });

  it('rounds up to the next train on the headway', () => {
    expect(nextDeparture(headway, 6 * H + 31)).toBe(7 * H);
    expect(departsAt(headway, 7 * H)).toBe(true);
    expect(departsAt(headway, 7 * H + 5)).toBe(false);
  });

  it('has nothing after the last train', () => {
    expect(nextDeparture(headway, 21 * H + 31)).toBeUndefined();
  });

  it('follows a fixed timetable, whatever order it is written in', () => {
    const cruise = aLink({ from: 'chongqing', to: 'yichang', mode: 'cruise', departures: [19 * H, 9 * H] });
    expect(nextDeparture(cruise, 10 * H)).toBe(19 * H);
    expect(nextDeparture(cruise, 8 * H)).toBe(9 * H);
    expect(nextDeparture(cruise, 19 * H + 1)).toBeUndefined();
  });

  it('leaves whenever wanted between first and last without a headway', () => {
    const road = aLink({ from: 'a', to: 'b', firstMin: 6 * H, lastMin: 22 * H });
    expect(nextDeparture(road, 13 * H + 7)).toBe(13 * H + 7);
  });
});

describe('local travel', () => {
  const tower = { lat: 30.5447, lon: 114.3025 };
  const museum = { lat: 30.5606, lon: 114.3656 };

  it('is nothing between two stops at the same place', () => {
    expect(localTravelMin(tower, tower, 15)).toBe(0);
  });

  it('is the road model\'s drive plus the allowance, in 5-minute steps', () => {
    const km = haversineKm(tower, museum);
    expect(km).toBeGreaterThan(6);
    expect(km).toBeLessThan(7);
    const minutes = localTravelMin(tower, museum, 15);
    expect(minutes % 5).toBe(0);
    expect(minutes).toBeGreaterThanOrEqual(roadLeg(km).movingMin + 15);
    expect(minutes).toBeLessThan(roadLeg(km).movingMin + 20);
  });

  it('takes longer with a bigger allowance (a relaxed pace)', () => {
    expect(localTravelMin(tower, museum, 20)).toBeGreaterThan(localTravelMin(tower, museum, 10));
  });
});

describe('sights seen from a cruise', () => {
  const catalogue = aCatalogue()
    .withCity({ id: 'chongqing', location: { lat: 29.563, lon: 106.551 } })
    .withCity({ id: 'yichang', location: { lat: 30.692, lon: 111.286 } })
    .build();
  const cruise = { from: 'chongqing', to: 'yichang', link: aLink({ from: 'chongqing', to: 'yichang', mode: 'cruise' }) };
  const gorge = anAttraction({ id: 'wu-gorge', city: 'chongqing', location: { lat: 31.04, lon: 110.05 }, themes: ['eco', 'water'], price: { adult: 0 } });

  it('counts a free water sight along the river', () => {
    expect(seenFromBoard(gorge, cruise, catalogue)).toBe(true);
  });

  it('does not count a ticketed site, a site in town, or a train', () => {
    expect(seenFromBoard({ ...gorge, price: { adult: 100 } }, cruise, catalogue)).toBe(false);
    expect(seenFromBoard({ ...gorge, location: { lat: 29.56, lon: 106.58 } }, cruise, catalogue)).toBe(false);
    expect(seenFromBoard(gorge, { ...cruise, link: { ...cruise.link, mode: 'rail' } }, catalogue)).toBe(false);
  });
});
