/** Attractions for calendar tests: a plain all-year site unless a test says otherwise. */
import type { Attraction, DateRange, HolidayRule, Season, Weekday } from '../../src/domain/catalogue/model.js';

const allYear = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export function season(months: readonly number[], open: string, close: string, lastEntry?: string): Season {
  return {
    months,
    openMin: minutes(open),
    closeMin: minutes(close),
    ...(lastEntry ? { lastEntryMin: minutes(lastEntry) } : {}),
  };
}

export class AttractionBuilder {
  private value: Attraction = {
    id: 'test-museum',
    name: 'Test Museum',
    nameZh: '测试博物馆',
    city: 'wuhan',
    location: { lat: 30.56, lon: 114.37 },
    themes: ['cultural'],
    rating: '5A',
    visitMin: 120,
    hours: [season(allYear, '09:00', '17:00', '16:00')],
    closedWeekdays: [],
    closedNth: [],
    holidays: 'normal',
    closedDates: [],
    price: { adult: 0 },
    priceSeasons: [],
    access: [],
    reservation: 'required',
    facts: { unconfirmed: [], sources: [] },
    provenance: {},
    mustSee: false,
  };

  closedOnNth(weekday: Weekday, ...nth: number[]): this {
    this.value = { ...this.value, closedNth: [...this.value.closedNth, { weekday, nth }] };
    return this;
  }

  closedOn(...days: Weekday[]): this {
    this.value = { ...this.value, closedWeekdays: days };
    return this;
  }

  onHolidays(rule: HolidayRule): this {
    this.value = { ...this.value, holidays: rule };
    return this;
  }

  withSeasons(...seasons: Season[]): this {
    this.value = { ...this.value, hours: seasons };
    return this;
  }

  closedDates(...ranges: (string | DateRange)[]): this {
    this.value = {
      ...this.value,
      closedDates: ranges.map((r) => (typeof r === 'string' ? { from: r, to: r } : r)),
    };
    return this;
  }

  build(): Attraction {
    return this.value;
  }
}

export const anAttraction = () => new AttractionBuilder();
