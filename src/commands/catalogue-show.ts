/** `yangtze catalogue show ID`: every fact about one attraction (or city), and its next seven days. */
import type { CliContext } from '../cli/context.js';
import { NotFoundError } from '../cli/errors.js';
import { dateInZone } from '../domain/calendar/date-in-zone.js';
import { nextDates, weekdayOf } from '../domain/calendar/iso-date.js';
import { openingOn } from '../domain/calendar/opening-on.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { renderShow } from '../export/catalogue-show.js';
import type { DayOpening, ShowResult } from '../domain/catalogue/catalogue-views.js';
import { chinaHolidayCalendar, yearsWithoutHolidays } from '../io/china-holidays.js';

/** How many days of opening times `show` lists, today included. */
export const SHOWN_DAYS = 7;

/** Looks `id` up among attractions, then cities; unknown → NotFoundError with a suggestion. */
export function runCatalogueShow(id: string, catalogue: Catalogue, nowMs: number): ShowResult {
  const attraction = catalogue.attractions.find((a) => a.id === id);
  if (attraction) {
    const calendar = chinaHolidayCalendar(catalogue.holidays);
    const today = dateInZone(nowMs, catalogue.timezone).date;
    const days = nextDates(today, SHOWN_DAYS).map((date) => ({
      date,
      weekday: weekdayOf(date),
      day: calendar.dayKind(date),
      opening: openingOn(attraction, date, calendar),
    }));
    return {
      kind: 'attraction',
      attraction,
      city: catalogue.cities.find((c) => c.id === attraction.city),
      days,
      yearsWithoutHolidays: yearsWithoutHolidays(days.map((d) => d.date), catalogue.holidays),
    };
  }
  const city = catalogue.cities.find((c) => c.id === id);
  if (city) return { kind: 'city', city, attractions: catalogue.attractions.filter((a) => a.city === city.id) };

  const ids = [...catalogue.attractions.map((a) => a.id), ...catalogue.cities.map((c) => c.id)];
  const close = didYouMean(id, ids);
  throw new NotFoundError(
    `no attraction or city '${id}' in the catalogue`,
    close ? suggestionText(close) : 'Run `yangtze catalogue list` for the ids.',
  );
}

export async function catalogueShow(ctx: CliContext, id: string): Promise<void> {
  const catalogue = await ctx.catalogue();
  const result = runCatalogueShow(id, catalogue, ctx.effects.now());
  if (result.kind === 'attraction' && result.yearsWithoutHolidays.length > 0) {
    ctx.out.notice(
      `no public-holiday data for ${result.yearsWithoutHolidays.join(', ')}: opening times assume no holidays; ` +
        'add them under `holidays:` in the catalogue',
    );
  }
  ctx.out.result(renderShow(result, catalogue, ctx.out));
}

