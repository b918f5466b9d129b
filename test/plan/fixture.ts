/**
 * A small two-city corridor for planner and checker specs: Wuhan and Changsha
 * joined by a half-hourly train, a museum closed on Mondays, a tower with a
 * last entry, a park across the river, and a town without hotels.
 */
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { holidayCalendar, type HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { aCatalogue, aSeason } from '../builders/catalogue-builder.js';

export const HOUR = 60;

export function corridor(): Catalogue {
  return aCatalogue()
    .withCity({ id: 'wuhan', location: { lat: 30.5928, lon: 114.3055 } })
    .withCity({ id: 'changsha', location: { lat: 28.2282, lon: 112.9388 } })
    .withCity({ id: 'hamlet', location: { lat: 29.5, lon: 113.5 }, lodging: false })
    .withAttraction({
      id: 'museum', city: 'wuhan', location: { lat: 30.5606, lon: 114.3656 }, themes: ['cultural'], rating: '5A',
      visitMin: 2 * HOUR, closedWeekdays: ['mon'], price: { adult: 30, child: 15 },
      hours: [aSeason({ openMin: 9 * HOUR, closeMin: 17 * HOUR, lastEntryMin: 16 * HOUR })],
    })
    .withAttraction({
      id: 'tower', city: 'wuhan', location: { lat: 30.5447, lon: 114.3025 }, themes: ['cultural'], rating: '5A',
      visitMin: 90, price: { adult: 70, child: 35 }, hours: [aSeason({ openMin: 8 * HOUR, closeMin: 18 * HOUR, lastEntryMin: 17 * HOUR })],
    })
    .withAttraction({
      id: 'memorial', city: 'wuhan', location: { lat: 30.5440, lon: 114.2960 }, themes: ['red'], rating: '4A',
      visitMin: HOUR, price: { adult: 0 }, hours: [aSeason({ openMin: 9 * HOUR, closeMin: 17 * HOUR })],
    })
    .withAttraction({
      id: 'lake', city: 'wuhan', location: { lat: 30.5537, lon: 114.4097 }, themes: ['eco', 'water'], rating: '5A',
      visitMin: 3 * HOUR, price: { adult: 0 }, hours: [aSeason({ openMin: 6 * HOUR, closeMin: 22 * HOUR })],
    })
    .withAttraction({
      id: 'isle', city: 'changsha', location: { lat: 28.1960, lon: 112.9600 }, themes: ['eco', 'red'], rating: '5A',
      visitMin: 2 * HOUR, price: { adult: 0 }, hours: [aSeason({ openMin: 7 * HOUR, closeMin: 22 * HOUR })],
    })
    .withAttraction({
      id: 'academy', city: 'changsha', location: { lat: 28.1830, lon: 112.9400 }, themes: ['cultural'], rating: '4A',
      visitMin: 90, price: { adult: 50, child: 25 }, hours: [aSeason({ openMin: 8 * HOUR, closeMin: 17 * HOUR + 30 })],
    })
    .withLink({ from: 'wuhan', to: 'changsha', mode: 'rail', durationMin: 95, fare: 164.5, fares: { child: 82 }, firstMin: 7 * HOUR, lastMin: 21 * HOUR, everyMin: 30 })
    .withLink({ from: 'wuhan', to: 'hamlet', mode: 'road', durationMin: 120, fare: 40 })
    .build();
}

/** Ordinary weekdays and weekends only: no public holidays. */
export function plainCalendar(): HolidayCalendar {
  return holidayCalendar(new Map(), []);
}
